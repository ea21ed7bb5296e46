package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.PrintkTime;

/**
 * One line of the kernel log: when it was logged (engine clock), at which level, and what it says.
 *
 * <p>Experimental: grows with the {@link Machine} facade.
 *
 * @param nanos the engine clock when the line was logged, in nanoseconds since boot
 */
public record KernelLogEntry(long nanos, KernelLog.Level level, String message) {
    public KernelLogEntry {
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
    }

    /** Returns the line as {@code dmesg} prints it: {@code [%5lu.%06lu] message}. */
    public String format() {
        return PrintkTime.line(nanos, message);
    }

    /** Returns the line as {@code dmesg -r} prints it, the level first: {@code <6>[    0.000000] message}. */
    public String formatRaw() {
        return "<" + level.number() + ">" + format();
    }
}
