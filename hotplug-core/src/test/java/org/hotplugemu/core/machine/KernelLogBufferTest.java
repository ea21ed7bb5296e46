package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.hotplugemu.api.kernel.KernelLog.Level;
import org.junit.jupiter.api.Test;

/** {@code dmesg} formats each line once; what it returns follows the buffer through new lines and {@code dmesg -C}. */
class KernelLogBufferTest {
    @Test
    void linesFollowTheBufferAcrossReadsAndClears() {
        AtomicLong clock = new AtomicLong(1_500_000_000L);
        KernelLogBuffer log = new KernelLogBuffer(clock::get);
        log.log(Level.INFO, "smpboot: CPU 1 is now offline");
        assertThat(log.lines()).containsExactly("[    1.500000] smpboot: CPU 1 is now offline");

        clock.set(2_000_001_000L);
        log.log(Level.WARNING, "second");
        assertThat(log.lines()).containsExactly("[    1.500000] smpboot: CPU 1 is now offline", "[    2.000001] second");

        log.clear();
        assertThat(log.lines()).isEmpty();
        log.log(Level.INFO, "after the clear");
        assertThat(log.lines()).containsExactly("[    2.000001] after the clear");
    }
}
