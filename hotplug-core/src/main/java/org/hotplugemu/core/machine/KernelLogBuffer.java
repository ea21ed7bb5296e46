package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.hotplugemu.api.kernel.KernelLog;

/** The kernel log buffer behind {@code dmesg}: timestamped with the engine clock, each line with its level. */
final class KernelLogBuffer implements KernelLog {
    private final LongSupplier clock;
    private final List<KernelLogEntry> entries = new ArrayList<>();
    /**
     * The first entries formatted, kept: a checker that reads the log after every operation of a
     * long sequence would otherwise format the whole log (boot included) again each time.
     */
    private final List<String> formatted = new ArrayList<>();

    KernelLogBuffer(LongSupplier clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized void log(Level level, String message) {
        entries.add(new KernelLogEntry(clock.getAsLong(), level, message));
    }

    /** Returns the lines logged since the last {@link #clear()}, oldest first. */
    synchronized List<KernelLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** Empties the buffer, as {@code dmesg -C} does; later lines keep their timestamps. */
    synchronized void clear() {
        entries.clear();
        formatted.clear();
    }

    /** Returns every line formatted as {@code dmesg} prints it: {@code [%5lu.%06lu] message}. */
    synchronized List<String> lines() {
        for (int next = formatted.size(); next < entries.size(); next++) {
            formatted.add(entries.get(next).format());
        }
        return List.copyOf(formatted);
    }
}
