package org.hotplugemu.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotplugemu.distribution.Launcher.Result;
import org.junit.jupiter.api.Test;

/**
 * End-to-end: a machine too big for the JVM's heap ends the process with a message that says how
 * to raise the heap, instead of hanging at 0% CPU deaf to SIGTERM. It needs a child JVM with a
 * small heap, so it runs the packaged launcher.
 */
class OutOfHeapIT {
    @Test
    void bootingMoreCpusThanTheHeapHoldsFailsNamingTheHeapAndHowToRaiseIt() {
        Result result = Launcher.run(Map.of("HOTPLUG_EMU_OPTS", "-Xmx64m"), "", "boot", "--cpus", "8192");

        assertThat(result.status()).isEqualTo(1);
        // The maximum the JVM reports is a little under -Xmx with some collectors.
        assertThat(result.err())
                .matches("hotplug-emu: the JVM ran out of Java heap \\(maximum 6\\d MiB\\): raise it, e.g."
                        + " HOTPLUG_EMU_OPTS=-Xmx256m hotplug-emu \\.\\.\\. \\(java -Xmx\\.\\.\\. when embedding\\),"
                        + " or emulate fewer CPUs( \\(ENOMEM: Cannot allocate memory\\))?\n")
                .doesNotContain("Exception");
    }
}
