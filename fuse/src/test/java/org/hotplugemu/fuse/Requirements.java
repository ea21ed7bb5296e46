package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the real-resource tests need. Outside CI a missing piece skips the test; with {@code CI=true}
 * it fails it, so CI can never pass by skipping them.
 */
final class Requirements {
    private Requirements() {
    }

    /** FUSE mounts: root, {@code /dev/fuse} and libfuse 2. */
    static void fuse() {
        require(Files.exists(Path.of("/dev/fuse")), "/dev/fuse is missing");
        require("root".equals(System.getProperty("user.name")), "FUSE mounts and mount namespaces need root");
        require(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libfuse.so.2")) || Files.exists(Path.of("/lib/x86_64-linux-gnu/libfuse.so.2"))
                || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libfuse.so.2")), "libfuse2 is not installed (apt-get install libfuse2)");
    }

    /** A program on the PATH, e.g. {@code lscpu} (util-linux) or {@code stress-ng}. */
    static Path program(String name, String debianPackage) {
        Path found = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst().orElse(null);
        require(found != null, name + " is not installed (apt-get install " + debianPackage + ")");
        return found;
    }

    static void require(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("CI must run this test, but " + what).isTrue();
        }
        assumeTrue(present, what);
    }
}
