package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.hotplugemu.core.api.PerCpuResource;
import org.hotplugemu.core.api.ResourceTracker;

/**
 * Per-driver accounting of per-CPU resources and the invariant checker: a resource of state S must
 * be held exactly on the CPUs whose hotplug state is at or above S.
 */
public final class ResourceLedger {
    private final List<Tracked> tracked = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final int nrCpus;

    public ResourceLedger(int nrCpus) {
        this.nrCpus = nrCpus;
    }

    /** Returns the tracker a driver named {@code driver} records its resources with. */
    public ResourceTracker trackerFor(String driver) {
        requireNonNull(driver, "driver is null");
        return new ResourceTracker() {
            @Override
            public PerCpuResource track(int state, String resourceName) {
                Tracked resource = new Tracked(driver, state, requireNonNull(resourceName, "resourceName is null"), nrCpus);
                tracked.add(resource);
                return resource;
            }

            @Override
            public PerCpuResource track(String resourceName) {
                return track(UNBOUND, resourceName);
            }
        };
    }

    private static final int UNBOUND = -1;

    /** Stops checking the resources of {@code driver}, once it is unloaded. */
    public void forget(String driver) {
        tracked.removeIf(resource -> resource.driver.equals(driver));
    }

    /**
     * Checks every resource against the CPUs' states and returns one line per violation, oldest
     * asymmetric acquire/release first; reported asymmetries are cleared once returned.
     */
    public List<String> check(IntUnaryOperator cpuState, IntFunction<String> stateName) {
        List<String> violations = new ArrayList<>(events);
        events.clear();
        for (Tracked resource : tracked) {
            if (resource.state == UNBOUND) {
                continue;
            }
            for (int cpu = 0; cpu < nrCpus; cpu++) {
                boolean shouldHold = cpuState.applyAsInt(cpu) >= resource.state;
                boolean holds = resource.isHeld(cpu);
                if (shouldHold != holds) {
                    violations.add(String.format("driver %s: resource '%s' of state %d (%s) is %s on CPU %d at state %d",
                            resource.driver, resource.name, resource.state, stateName.apply(resource.state),
                            holds ? "leaked" : "missing", cpu, cpuState.applyAsInt(cpu)));
                }
            }
        }
        return violations;
    }

    private final class Tracked implements PerCpuResource {
        private final String driver;
        private volatile int state;
        private final String name;
        private final AtomicLongArray held;

        Tracked(String driver, int state, String name, int nrCpus) {
            this.driver = driver;
            this.state = state;
            this.name = name;
            this.held = new AtomicLongArray((nrCpus + 63) / 64);
        }

        @Override
        public void acquire(int cpu) {
            if (!flip(cpu, true) && state != UNBOUND) {
                events.add(String.format("driver %s: resource '%s' of state %d acquired twice on CPU %d", driver, name, state, cpu));
            }
        }

        @Override
        public void release(int cpu) {
            if (!flip(cpu, false) && state != UNBOUND) {
                events.add(String.format("driver %s: resource '%s' of state %d released on CPU %d where it was not held", driver, name, state, cpu));
            }
        }

        /** Sets the bit to {@code value}; returns false when it already had that value. */
        private boolean flip(int cpu, boolean value) {
            int index = cpu >>> 6;
            long bit = 1L << (cpu & 63);
            while (true) {
                long old = held.get(index);
                if (((old & bit) != 0) == value) {
                    return false;
                }
                if (held.compareAndSet(index, old, value ? old | bit : old & ~bit)) {
                    return true;
                }
            }
        }

        @Override
        public void bind(int boundState) {
            if (state != UNBOUND && state != boundState) {
                throw new IllegalStateException("resource '" + name + "' of driver " + driver + " is bound to state " + state + " already");
            }
            state = boundState;
        }

        @Override
        public boolean isHeld(int cpu) {
            return (held.get(cpu >>> 6) & (1L << (cpu & 63))) != 0;
        }
    }
}
