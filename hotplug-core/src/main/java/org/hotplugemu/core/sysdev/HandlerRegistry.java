package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * The handlers of hot-add and hot-delete, per phase, each with an order value. Handlers of one
 * phase run in ascending order, ties by name, so registration order never decides.
 *
 * <p>Experimental.
 */
public final class HandlerRegistry {
    /** A registered handler. */
    public record Entry(HotplugOperation operation, HotplugPhase phase, int order, String name, HotplugHandler handler) {
        public Entry {
            requireNonNull(operation, "operation is null");
            requireNonNull(phase, "phase is null");
            requireNonNull(name, "name is null");
            requireNonNull(handler, "handler is null");
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::order).thenComparing(Entry::name);

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Registers {@code handler} for one operation and phase.
     *
     * @throws HotplugException EEXIST when a handler of that name is already registered there,
     *         EINVAL for a blank name
     */
    public synchronized void register(HotplugOperation operation, HotplugPhase phase, int order, String name, HotplugHandler handler) {
        if (name == null || name.isBlank()) {
            throw new HotplugException(Errno.EINVAL, "a hot-plug handler needs a name");
        }
        for (Entry entry : entries) {
            if (entry.operation == operation && entry.phase == phase && entry.name.equals(name)) {
                throw new HotplugException(Errno.EEXIST, "hot-plug handler '" + name + "' is already registered for "
                        + operation + " " + phase);
            }
        }
        entries.add(new Entry(operation, phase, order, name, handler));
    }

    /** Removes every handler named {@code name}, as a plugin does when it is unloaded. */
    public synchronized void unregister(String name) {
        entries.removeIf(entry -> entry.name.equals(name));
    }

    /** Returns the handlers of one operation and phase in the order they run. */
    public synchronized List<Entry> handlers(HotplugOperation operation, HotplugPhase phase) {
        return entries.stream().filter(entry -> entry.operation == operation && entry.phase == phase).sorted(ORDER).toList();
    }
}
