package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.sysfs.Owner;

/**
 * The handlers of hot-add and hot-delete, per phase, each with an order value. Handlers of one
 * phase run in ascending order, ties by name, so registration order never decides. A name
 * belongs to one {@link Owner}: the core's handlers are the core's, a driver's are the driver's.
 *
 * <p>Experimental.
 */
public final class HandlerRegistry {
    /** A registered handler and who registered it. */
    public record Entry(HotplugOperation operation, HotplugPhase phase, int order, String name, HotplugHandler handler, Owner owner) {
        public Entry {
            requireNonNull(operation, "operation is null");
            requireNonNull(phase, "phase is null");
            requireNonNull(name, "name is null");
            requireNonNull(handler, "handler is null");
            requireNonNull(owner, "owner is null");
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::order).thenComparing(Entry::name);

    private final List<Entry> entries = new ArrayList<>();

    /** Registers a handler of the core's; see {@link #register(HotplugOperation, HotplugPhase, int, String, HotplugHandler, Owner)}. */
    public void register(HotplugOperation operation, HotplugPhase phase, int order, String name, HotplugHandler handler) {
        register(operation, phase, order, name, handler, Owner.CORE);
    }

    /**
     * Registers {@code handler} of {@code owner} for one operation and phase.
     *
     * @throws HotplugException EEXIST when a handler of that name is already registered there,
     *         EINVAL for a blank name
     */
    public synchronized void register(HotplugOperation operation, HotplugPhase phase, int order, String name, HotplugHandler handler,
            Owner owner) {
        if (name == null || name.isBlank()) {
            throw new HotplugException(Errno.EINVAL, "a hot-plug handler needs a name");
        }
        for (Entry entry : entries) {
            if (entry.operation == operation && entry.phase == phase && entry.name.equals(name)) {
                throw new HotplugException(Errno.EEXIST, "hot-plug handler '" + name + "' is already registered for "
                        + operation + " " + phase);
            }
        }
        entries.add(new Entry(operation, phase, order, name, handler, owner));
    }

    /** Returns who registered the handlers named {@code name}, or null when none is registered. */
    public synchronized Owner owner(String name) {
        return entries.stream().filter(entry -> entry.name.equals(name)).map(Entry::owner).findFirst().orElse(null);
    }

    /** Returns the names under which {@code owner} has handlers registered, sorted. */
    public synchronized List<String> namesOf(Owner owner) {
        return entries.stream().filter(entry -> entry.owner.equals(owner)).map(Entry::name).distinct().sorted().toList();
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
