package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The build raises picocli's Java 5 class files to Java 8 so that the class-data archive takes them. */
class ClassFileUpgradeTest {
    @TempDir
    Path work;

    private static Path picocliJar() throws Exception {
        return Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void picocliIsRaisedToJava8AndEverythingElseIsCopiedAsItWas() throws Exception {
        Path original = picocliJar();
        Path upgraded = work.resolve("picocli.jar");

        int raised = ClassFileUpgrade.upgrade(original, upgraded);

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(upgraded);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        long old = before.entrySet().stream().filter(e -> e.getKey().endsWith(".class") && ClassFileUpgrade.isOld(e.getValue())).count();
        assertThat(old).as("picocli's classes older than Java 6").isGreaterThan(100);
        assertThat(raised).isEqualTo(old);
        before.forEach((name, bytes) -> {
            if (name.endsWith(".class") && ClassFileUpgrade.isOld(bytes)) {
                assertThat(ClassFileUpgrade.major(after.get(name))).as(name).isEqualTo(52);
            } else {
                // Resources, the manifest and module-info (Java 9) stay byte for byte.
                assertThat(after.get(name)).as(name).isEqualTo(bytes);
            }
        });
    }

    @Test
    void theRaisedClassesPassTheVerifierThatChecksTheirFrames() throws Exception {
        Path upgraded = work.resolve("picocli.jar");
        ClassFileUpgrade.upgrade(picocliJar(), upgraded);

        // Initialising links, and linking a Java 8 class verifies it against its StackMapTable frames,
        // with no fallback to the old verifier: a wrong frame is a VerifyError here.
        List<String> loaded = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {upgraded.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : entries(upgraded).keySet()) {
                if (name.endsWith(".class") && !name.contains("module-info")) {
                    Class<?> type = Class.forName(name.replace('/', '.').replaceAll("\\.class$", ""), true, loader);
                    assertThat(type.getClassLoader()).isSameAs(loader);
                    loaded.add(type.getName());
                }
            }
        }
        assertThat(loaded).contains("picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec");
    }

    @Test
    void onlyClassesOlderThanJava6AreOld() {
        assertThat(ClassFileUpgrade.isOld(header(49))).isTrue();
        assertThat(ClassFileUpgrade.isOld(header(45))).isTrue();
        assertThat(ClassFileUpgrade.isOld(header(50))).isFalse();
        assertThat(ClassFileUpgrade.isOld(header(65))).isFalse();
    }

    private static byte[] header(int major) {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (major >> 8), (byte) major};
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
