package org.hotplugemu.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.ForwardingCpuHotplug;
import org.hotplugemu.api.driver.ForwardingDriverContext;
import org.hotplugemu.api.driver.ForwardingHotplugDriver;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugInstance;
import org.hotplugemu.api.driver.MultiCallback;
import org.hotplugemu.api.driver.PerCpuResource;
import org.hotplugemu.api.driver.ResourceTracker;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;

/**
 * A driver seen through a ledger of what it set up through its context: states, instances, files
 * and tracked resources. After its {@code unregister} everything must be gone (as a module's exit
 * must undo its init); {@link #leaks()} names what is left.
 */
final class LeakWatch extends ForwardingHotplugDriver {
    /** State number to the name it was set up with, in setup order. */
    private final Map<Integer, String> states = new LinkedHashMap<>();
    /** Instances linked to a state, to the line that reports them. */
    private final Map<InstanceKey, String> instances = new LinkedHashMap<>();
    private final Set<String> files = new LinkedHashSet<>();
    private final Map<PerCpuResource, String> resources = new LinkedHashMap<>();
    private volatile IntSupplier cpus = () -> 0;

    private record InstanceKey(int state, HotplugInstance instance) {
    }

    LeakWatch(HotplugDriver driver) {
        super(driver);
    }

    @Override
    protected DriverContext context(DriverContext machine) {
        return new Watched(machine);
    }

    /** Returns what the driver set up and has not taken down, one line each; empty when nothing. */
    synchronized List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        states.forEach((state, name) -> leaks.add("state " + state + " '" + name + "' not removed"));
        instances.values().forEach(leaks::add);
        files.forEach(path -> leaks.add("file " + path + " not removed"));
        int nrCpus = cpus.getAsInt();
        resources.forEach((resource, name) -> {
            List<Integer> held = new ArrayList<>();
            for (int cpu = 0; cpu < nrCpus; cpu++) {
                if (resource.isHeld(cpu)) {
                    held.add(cpu);
                }
            }
            if (!held.isEmpty()) {
                leaks.add("resource '" + name + "' still held on CPUs " + held);
            }
        });
        return leaks;
    }

    private synchronized void setUp(int requested, int returned, String name) {
        states.put(returned > 0 ? returned : requested, name);
    }

    private synchronized void removed(int state) {
        // Instances still linked stay leaks: the kernel warns and drops the state's list without removing them.
        states.remove(state);
    }

    private synchronized void linked(int state, HotplugInstance instance) {
        instances.put(new InstanceKey(state, instance), "instance '" + instance.name() + "' of state " + state + " not removed");
    }

    private synchronized void unlinked(int state, HotplugInstance instance) {
        instances.remove(new InstanceKey(state, instance));
    }

    private synchronized void added(String path) {
        files.add(path);
    }

    private synchronized void deleted(String path) {
        files.remove(path);
    }

    private synchronized PerCpuResource tracked(PerCpuResource resource, String name) {
        resources.put(resource, name);
        return resource;
    }

    private synchronized void untracked(PerCpuResource resource) {
        resources.remove(resource);
    }

    private final class Watched extends ForwardingDriverContext {
        private final CpuHotplug hotplug;

        Watched(DriverContext inner) {
            super(inner);
            this.hotplug = new WatchedHotplug(inner.hotplug());
            cpus = inner.hotplug()::nrCpuIds;
        }

        @Override
        public CpuHotplug hotplug() {
            return hotplug;
        }

        @Override
        public VirtualFiles files() {
            VirtualFiles inner = delegate().files();
            return new VirtualFiles() {
                @Override
                public void add(String path, VirtualFile file) {
                    inner.add(path, file);
                    added(path);
                }

                @Override
                public void remove(String path) {
                    inner.remove(path);
                    deleted(path);
                }
            };
        }

        @Override
        public ResourceTracker resources() {
            ResourceTracker inner = delegate().resources();
            return new ResourceTracker() {
                @Override
                public PerCpuResource track(int state, String resourceName) {
                    return tracked(inner.track(state, resourceName), resourceName);
                }

                @Override
                public PerCpuResource track(String resourceName) {
                    return tracked(inner.track(resourceName), resourceName);
                }

                @Override
                public PerCpuResource track(int state, HotplugInstance instance, String resourceName) {
                    return tracked(inner.track(state, instance, resourceName), resourceName);
                }

                @Override
                public void untrack(PerCpuResource resource) {
                    inner.untrack(resource);
                    untracked(resource);
                }
            };
        }
    }

    private final class WatchedHotplug extends ForwardingCpuHotplug {
        WatchedHotplug(CpuHotplug delegate) {
            super(delegate);
        }

        @Override
        public int setupState(int state, String name, Callback startup, Callback teardown) {
            int slot = delegate().setupState(state, name, startup, teardown);
            setUp(state, slot, name);
            return slot;
        }

        @Override
        public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
            int slot = delegate().setupStateNoCalls(state, name, startup, teardown);
            setUp(state, slot, name);
            return slot;
        }

        @Override
        public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
            int slot = delegate().setupStateCpusLocked(state, name, startup, teardown);
            setUp(state, slot, name);
            return slot;
        }

        @Override
        public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
            int slot = delegate().setupStateNoCallsCpusLocked(state, name, startup, teardown);
            setUp(state, slot, name);
            return slot;
        }

        @Override
        public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
            int slot = delegate().setupMultiState(state, name, startup, teardown);
            setUp(state, slot, name);
            return slot;
        }

        @Override
        public void addInstance(int state, HotplugInstance instance) {
            delegate().addInstance(state, instance);
            linked(state, instance);
        }

        @Override
        public void addInstanceNoCalls(int state, HotplugInstance instance) {
            delegate().addInstanceNoCalls(state, instance);
            linked(state, instance);
        }

        @Override
        public void removeInstance(int state, HotplugInstance instance) {
            delegate().removeInstance(state, instance);
            unlinked(state, instance);
        }

        @Override
        public void removeInstanceNoCalls(int state, HotplugInstance instance) {
            delegate().removeInstanceNoCalls(state, instance);
            unlinked(state, instance);
        }

        @Override
        public void removeState(int state) {
            delegate().removeState(state);
            removed(state);
        }

        @Override
        public void removeStateNoCalls(int state) {
            delegate().removeStateNoCalls(state);
            removed(state);
        }
    }
}
