package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.hotplugemu.arch.spi.KernelLog;

/** The kernel log buffer behind {@code dmesg}: timestamped with the engine clock. */
final class KernelLogBuffer implements KernelLog {
    private record Entry(long nanos, Level level, String message) {
    }

    private final LongSupplier clock;
    private final List<Entry> entries = new ArrayList<>();

    KernelLogBuffer(LongSupplier clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized void log(Level level, String message) {
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
        entries.add(new Entry(clock.getAsLong(), level, message));
    }

    /** Returns every line formatted as {@code dmesg} prints it: {@code [%5lu.%06lu] message}. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            long micros = entry.nanos / 1_000;
            lines.add(String.format("[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, entry.message));
        }
        return lines;
    }
}
