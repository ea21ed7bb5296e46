package org.hotplugemu.distribution.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Where a class was loaded from and which version its jar declares. */
final class JarVersions {
    private JarVersions() {
    }

    /** Returns the jar or class directory of {@code type}, or a placeholder for JDK classes. */
    static Path origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Path.of("<jdk>");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(source.getLocation().getPath());
        }
    }

    /** Returns the manifest's {@code Implementation-Version}, else the Maven {@code pom.properties} version, else {@code unknown}. */
    static String version(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "unknown";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return manifestVersion(file.getManifest()).or(() -> mavenVersion(file)).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<String> manifestVersion(Manifest manifest) {
        return Optional.ofNullable(manifest).map(m -> m.getMainAttributes().getValue("Implementation-Version"));
    }

    private static Optional<String> mavenVersion(JarFile file) {
        for (JarEntry entry : Collections.list(file.entries())) {
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                try (InputStream in = file.getInputStream(entry)) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return Optional.ofNullable(properties.getProperty("version"));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
