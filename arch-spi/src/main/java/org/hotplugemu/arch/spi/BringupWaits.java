package org.hotplugemu.arch.spi;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How long the control CPU waits for a CPU it brings up to report alive, and for a CPU it takes
 * down to report dead, and what the kernel logs when a wait runs out. An architecture returns its
 * own from {@link Architecture#bringupWaits}; the core does the waiting and the logging, so a
 * backend never waits for these itself.
 *
 * <p>Messages are the kernel's {@code printk} formats with the CPU number as {@code %u} (or
 * {@code %d}), e.g. RISC-V's {@code "CPU%u: failed to come online"}. {@link #KERNEL} holds the
 * generic values of {@code kernel/cpu.c} since 6.5 ({@code cpuhp_bp_sync_alive} and
 * {@code cpuhp_bp_sync_dead}, both 10 s).
 *
 * @param alive how long to wait for the CPU to report alive; positive
 * @param aliveMessage what is logged (at error level) when it does not
 * @param dead how long to wait for the CPU to report dead; positive
 * @param deadMessage what is logged (at error level) when it does not
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BringupWaits(Duration alive, String aliveMessage, Duration dead, String deadMessage) {
    /** The longest wait the emulator accepts: a day of engine time. */
    public static final Duration MAX = Duration.ofDays(1);

    /** The generic waits of {@code kernel/cpu.c} (6.5+): 10 s each, with its messages. */
    public static final BringupWaits KERNEL = new BringupWaits(Duration.ofSeconds(10), "CPU%u failed to report alive state",
            Duration.ofSeconds(10), "CPU%u failed to report dead state");

    /** Checks the values: positive durations of at most {@link #MAX}, non-blank messages. */
    public BringupWaits {
        check("alive", alive, aliveMessage);
        check("dead", dead, deadMessage);
    }

    private static void check(String which, Duration wait, String message) {
        requireNonNull(wait, which + " wait is null");
        requireNonNull(message, which + " message is null");
        if (wait.isNegative() || wait.isZero() || wait.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(which + " wait must be positive and at most a day, was " + wait);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException(which + " message is blank");
        }
    }

    /** Returns a copy with this alive wait and message. */
    public BringupWaits withAlive(Duration wait, String message) {
        return new BringupWaits(wait, message, dead, deadMessage);
    }

    /** Returns a copy with this dead wait and message. */
    public BringupWaits withDead(Duration wait, String message) {
        return new BringupWaits(alive, aliveMessage, wait, message);
    }

    /** Returns the alive message for {@code cpu}, as the kernel prints it. */
    public String aliveMessage(int cpu) {
        return format(aliveMessage, cpu);
    }

    /** Returns the dead message for {@code cpu}, as the kernel prints it. */
    public String deadMessage(int cpu) {
        return format(deadMessage, cpu);
    }

    private static String format(String message, int cpu) {
        return message.replace("%u", Integer.toString(cpu)).replace("%d", Integer.toString(cpu));
    }

    /** Returns {@code wait} as a person reads it: {@code 10 s} or {@code 1500 ms}. */
    public static String describe(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + " s" : wait.toNanos() % 1_000_000 == 0 ? millis + " ms" : wait.toNanos() + " ns";
    }
}
