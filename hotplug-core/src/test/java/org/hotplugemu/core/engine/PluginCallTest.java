package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;

/** Plugin code called outside emulated threads, under the soft-lockup watchdog (real time: 300 ms). */
class PluginCallTest {
    private static final Duration THRESHOLD = Duration.ofMillis(300);

    @Test
    void returnsWhatTheCallReturns() {
        assertThat(PluginCall.bounded("name() of driver x", THRESHOLD, () -> "x")).isEqualTo("x");
    }

    @Test
    void rethrowsWhatTheCallThrows() {
        assertThatThrownBy(() -> PluginCall.bounded("name() of driver x", THRESHOLD, () -> {
            throw new HotplugException(Errno.EINVAL, "no name");
        })).isInstanceOf(HotplugException.class).hasMessage("no name");
        assertThatThrownBy(() -> PluginCall.bounded("name() of driver x", THRESHOLD, () -> {
            throw new AssertionError("broken");
        })).isInstanceOf(AssertionError.class).hasMessage("broken");
    }

    @Test
    void aCallBlockedOnALatchIsASoftLockupAndIsInterrupted() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> PluginCall.bounded("name() of driver slow", THRESHOLD, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "slow";
        }))
                .isInstanceOfSatisfying(HangException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HangException.Kind.SOFT_LOCKUP);
                    assertThat(e.errno()).isEqualTo(Errno.EBUSY);
                })
                .hasMessageStartingWith("watchdog: BUG: soft lockup - CPU#0 stuck for 1s! [name() of driver slow]\n")
                .hasMessageContaining("at java.base/java.util.concurrent.CountDownLatch.await(")
                .hasMessageContaining("at org.hotplugemu.core.engine.PluginCallTest.lambda$");
        interrupted.await();
    }
}
