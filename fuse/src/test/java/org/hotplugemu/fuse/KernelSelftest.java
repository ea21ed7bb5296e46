package org.hotplugemu.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's {@code tools/testing/selftests/cpu-hotplug/cpu-on-off-test.sh}, extracted from
 * Debian's {@code linux-source-6.1} tarball at test time (never committed: it is GPL-2.0 kernel
 * code) and kept under {@code target/} for later runs.
 */
final class KernelSelftest {
    static final Path TARBALL = Path.of("/usr/src/linux-source-6.1.tar.xz");
    private static final String MEMBER = "linux-source-6.1/tools/testing/selftests/cpu-hotplug/cpu-on-off-test.sh";

    private KernelSelftest() {
    }

    static synchronized Path cpuOnOffTest() throws IOException {
        Requirements.require(Files.exists(TARBALL), TARBALL + " is missing (apt-get install linux-source-6.1)");
        Path directory = Path.of("target", "kselftest").toAbsolutePath();
        Path script = directory.resolve(MEMBER);
        if (!Files.exists(script)) {
            Files.createDirectories(directory);
            Sh.Result tar = Sh.run(List.of("tar", "-xJf", TARBALL.toString(), "-C", directory.toString(), "--occurrence=1", MEMBER));
            assertThat(tar.status()).as("tar: " + tar.err()).isZero();
        }
        return script;
    }
}
