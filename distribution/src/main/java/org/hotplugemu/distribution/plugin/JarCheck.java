package org.hotplugemu.distribution.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Tells what is wrong with a {@code *.jar} of a plugin directory before a class loader opens it. */
final class JarCheck {
    private JarCheck() {
    }

    /** Returns why {@code jar} is not a readable jar file, or empty when it is one. */
    static Optional<String> problem(Path jar) {
        if (Files.isDirectory(jar)) {
            return Optional.of("is a directory, not a jar file: remove it or give it another name");
        }
        try {
            if (Files.size(jar) == 0) {
                return Optional.of("is empty (0 bytes), not a jar file: was it copied or downloaded completely?");
            }
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of("is not a jar file (not a zip archive: " + e.getMessage() + "): rebuild it or remove it");
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
    }
}
