package org.hotplugemu.core.driver;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.ResourceTracker;
import org.hotplugemu.core.driver.ResourceViolation.Kind;

/**
 * Per-driver accounting of per-CPU resources and the invariant checker: a resource of state S must
 * be held exactly on the CPUs whose hotplug state is at or above S while S is installed (and, for a
 * per-instance resource, its instance linked), and on no CPU once the driver removed S, its setup
 * failed or the instance was removed.
 */
public final class ResourceLedger {
    private final List<LedgerResource> tracked = new CopyOnWriteArrayList<>();
    private final List<ResourceViolation> events = new CopyOnWriteArrayList<>();
    private final Map<String, Lifecycle> lifecycles = new ConcurrentHashMap<>();
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
                return add(new LedgerResource(driver, state, requireNonNull(resourceName, "resourceName is null"), null, nrCpus, events));
            }

            @Override
            public PerCpuResource track(String resourceName) {
                return track(LedgerResource.UNBOUND, resourceName);
            }

            @Override
            public PerCpuResource track(int state, HotplugInstance instance, String resourceName) {
                requireNonNull(instance, "instance is null");
                return add(new LedgerResource(driver, state, requireNonNull(resourceName, "resourceName is null"), instance, nrCpus, events));
            }

            @Override
            public void untrack(PerCpuResource resource) {
                boolean removed = resource instanceof LedgerResource own && own.driver().equals(driver) && tracked.remove(own);
                if (!removed) {
                    throw new HotplugException(Errno.EINVAL, "driver " + driver + " does not track resource " + resource);
                }
            }
        };
    }

    private PerCpuResource add(LedgerResource resource) {
        tracked.add(resource);
        return resource;
    }

    /**
     * Returns the hotplug API {@code driver} should see: it tells this ledger which of the driver's
     * states are installed and which instances linked.
     */
    public CpuHotplug observe(String driver, CpuHotplug hotplug) {
        return new ObservedHotplug(hotplug, lifecycle(driver));
    }

    private Lifecycle lifecycle(String driver) {
        return lifecycles.computeIfAbsent(requireNonNull(driver, "driver is null"), name -> new Lifecycle());
    }

    /** Returns the resources of {@code driver} still held on some CPU, in the order it tracked them. */
    List<Leftover> leftovers(String driver) {
        List<Leftover> leftovers = new ArrayList<>();
        for (LedgerResource resource : tracked) {
            if (resource.driver().equals(driver)) {
                List<Integer> held = new ArrayList<>();
                for (int cpu = 0; cpu < nrCpus; cpu++) {
                    if (resource.isHeld(cpu)) {
                        held.add(cpu);
                    }
                }
                if (!held.isEmpty()) {
                    leftovers.add(Leftover.resource(driver, resource.name(), held));
                }
            }
        }
        return leftovers;
    }

    /** Stops checking the resources of {@code driver}, once it is unloaded. */
    public void forget(String driver) {
        tracked.removeIf(resource -> resource.driver().equals(driver));
        lifecycles.remove(driver);
    }

    /**
     * Checks every resource against the CPUs' states and returns one line per violation, oldest
     * asymmetric acquire/release first; reported asymmetries are cleared once returned.
     */
    public List<String> check(IntUnaryOperator cpuState, IntFunction<String> stateName) {
        return violations(cpuState, stateName).stream().map(ResourceViolation::message).toList();
    }

    /** Like {@link #check}, as structured values. */
    public List<ResourceViolation> violations(IntUnaryOperator cpuState, IntFunction<String> stateName) {
        List<ResourceViolation> violations = new ArrayList<>(events);
        events.removeAll(violations);
        for (LedgerResource resource : tracked) {
            int state = resource.state();
            if (state == LedgerResource.UNBOUND) {
                continue;
            }
            Lifecycle lifecycle = lifecycles.get(resource.driver());
            boolean live = lifecycle == null || lifecycle.live(state, resource.instance());
            for (int cpu = 0; cpu < nrCpus; cpu++) {
                int at = cpuState.applyAsInt(cpu);
                boolean shouldHold = live && at >= state;
                boolean holds = resource.isHeld(cpu);
                if (shouldHold != holds) {
                    violations.add(new ResourceViolation(holds ? Kind.LEAKED : Kind.MISSING, resource.driver(), resource.name(),
                            state, stateName.apply(state), resource.instanceName(), cpu, at));
                }
            }
        }
        return violations;
    }

    /** Which of one driver's states are retired and which of its instances are linked. */
    static final class Lifecycle {
        private final Set<Integer> retired = ConcurrentHashMap.newKeySet();
        private final Set<Link> linked = ConcurrentHashMap.newKeySet();

        private record Link(int state, HotplugInstance instance) {
        }

        void install(int state) {
            retired.remove(state);
        }

        void retire(int state) {
            retired.add(state);
            linked.removeIf(link -> link.state() == state);
        }

        void link(int state, HotplugInstance instance) {
            linked.add(new Link(state, instance));
        }

        void unlink(int state, HotplugInstance instance) {
            linked.remove(new Link(state, instance));
        }

        boolean live(int state, HotplugInstance instance) {
            return !retired.contains(state) && (instance == null || linked.contains(new Link(state, instance)));
        }
    }
}
