package org.hotplugemu.drivers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.VirtualFile;
import org.hotplugemu.arch.spi.VirtualFiles;
import org.hotplugemu.arch.spi.sched.Completion;
import org.hotplugemu.arch.spi.sched.EmulatedThread;
import org.hotplugemu.arch.spi.sched.Mutex;
import org.hotplugemu.arch.spi.sched.RwSemaphore;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.core.api.Callback;
import org.hotplugemu.core.api.CpuHotplug;
import org.hotplugemu.core.api.CpuMask;
import org.hotplugemu.core.api.DriverContext;
import org.hotplugemu.core.api.HotplugInstance;
import org.hotplugemu.core.api.MultiCallback;
import org.hotplugemu.core.api.PerCpuResource;
import org.hotplugemu.core.api.ResourceTracker;
import org.hotplugemu.core.api.SmpbootThread;
import org.hotplugemu.core.api.SmpbootThreads;
import org.hotplugemu.tracing.Tracer;

/**
 * A one-CPU driver context that records what drivers register, without a state machine: each enum
 * name gets a synthetic number; dynamic bases hand out slots in registration order.
 */
final class TestingDriverContext implements DriverContext {
    /** What one setup call registered. */
    record Registration(String enumName, String name, String startup, String teardown, boolean multi,
            List<String> instances, boolean dynamic, boolean calls) {
    }

    static final int BOOT_CPU_STATE = 10_000;

    private final String architecture;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<Integer, Registration> registrations = new LinkedHashMap<>();
    private final Map<String, VirtualFile> files = new LinkedHashMap<>();
    private final List<String> threads = new ArrayList<>();
    private int nextDynamic = 5_000;

    /** Which enum entries exist: those of the 6.1 profile of the architecture, as the reference resources. */
    private final org.hotplugemu.core.profile.Profile profile;

    TestingDriverContext(String architecture) {
        this.architecture = architecture;
        this.profile = org.hotplugemu.core.profile.Profiles.builtIn(architecture.equals("x86") ? "linux-6.1-x86_64" : "linux-6.1-arm64");
    }

    List<Registration> registrations() {
        return List.copyOf(registrations.values());
    }

    Map<String, VirtualFile> addedFiles() {
        return files;
    }

    List<String> smpbootThreads() {
        return threads;
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    public CpuHotplug hotplug() {
        return hotplug;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public KernelLog log() {
        return (level, message) -> { };
    }

    @Override
    public Tracer tracer() {
        throw new UnsupportedOperationException("no tracer in this fake");
    }

    @Override
    public VirtualFiles files() {
        return new VirtualFiles() {
            @Override
            public void add(String path, VirtualFile file) {
                files.put(path, file);
            }

            @Override
            public void remove(String path) {
                files.remove(path);
            }
        };
    }

    @Override
    public ResourceTracker resources() {
        return new ResourceTracker() {
            @Override
            public PerCpuResource track(int state, String name) {
                return track(name);
            }

            @Override
            public PerCpuResource track(String name) {
                return new PerCpuResource() {
                    @Override
                    public void acquire(int cpu) {
                    }

                    @Override
                    public void release(int cpu) {
                    }

                    @Override
                    public boolean isHeld(int cpu) {
                        return false;
                    }

                    @Override
                    public void bind(int state) {
                    }
                };
            }
        };
    }

    private final CpuMask bootCpuOnly = new CpuMask() {
        @Override
        public boolean test(int cpu) {
            return cpu == 0;
        }

        @Override
        public int weight() {
            return 1;
        }

        @Override
        public IntStream stream() {
            return IntStream.of(0);
        }

        @Override
        public int first() {
            return 0;
        }

        @Override
        public String toCpuList() {
            return "0";
        }
    };

    private int register(int state, String name, String startup, String teardown, boolean multi, boolean calls) {
        String enumName = numbers.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        boolean dynamic = enumName.endsWith("_DYN");
        int slot = dynamic ? nextDynamic++ : state;
        if (registrations.containsKey(slot)) {
            throw new IllegalStateException("state " + enumName + " registered twice");
        }
        registrations.put(slot, new Registration(enumName, name, startup, teardown, multi, new ArrayList<>(), dynamic, calls));
        return dynamic ? slot : 0;
    }

    private final CpuHotplug hotplug = new CpuHotplug() {
        @Override
        public int state(String kernelName) {
            profile.number(kernelName); // EINVAL for a state this kernel does not have
            return numbers.computeIfAbsent(kernelName, key -> numbers.size() + 1);
        }

        @Override
        public int setupState(int state, String name, Callback startup, Callback teardown) {
            int result = register(state, name, symbol(startup), symbol(teardown), false, true);
            if (startup != null) {
                startup.function().run(0);
            }
            return result;
        }

        @Override
        public int setupStateNoCalls(int state, String name, Callback startup, Callback teardown) {
            return register(state, name, symbol(startup), symbol(teardown), false, false);
        }

        @Override
        public int setupStateCpusLocked(int state, String name, Callback startup, Callback teardown) {
            return setupState(state, name, startup, teardown);
        }

        @Override
        public int setupStateNoCallsCpusLocked(int state, String name, Callback startup, Callback teardown) {
            return setupStateNoCalls(state, name, startup, teardown);
        }

        @Override
        public int setupMultiState(int state, String name, MultiCallback startup, MultiCallback teardown) {
            return register(state, name, startup == null ? null : startup.symbol(),
                    teardown == null ? null : teardown.symbol(), true, false);
        }

        @Override
        public void addInstance(int state, HotplugInstance instance) {
            registrations.get(state).instances().add(instance.name());
        }

        @Override
        public void addInstanceNoCalls(int state, HotplugInstance instance) {
            registrations.get(state).instances().add(instance.name());
        }

        @Override
        public void removeInstance(int state, HotplugInstance instance) {
            registrations.get(state).instances().remove(instance.name());
        }

        @Override
        public void removeInstanceNoCalls(int state, HotplugInstance instance) {
            removeInstance(state, instance);
        }

        @Override
        public void removeState(int state) {
            registrations.remove(state);
        }

        @Override
        public void removeStateNoCalls(int state) {
            registrations.remove(state);
        }

        @Override
        public void cpusReadLock() {
        }

        @Override
        public void cpusReadUnlock() {
        }

        @Override
        public SmpbootThreads registerSmpbootThread(SmpbootThread thread) {
            threads.add(thread.nameFormat());
            return new SmpbootThreads() {
                @Override
                public void wake(int cpu) {
                }

                @Override
                public String threadName(int cpu) {
                    return thread.nameFormat().replace("%u", Integer.toString(cpu));
                }
            };
        }

        @Override
        public CpuMask possibleMask() {
            return bootCpuOnly;
        }

        @Override
        public CpuMask presentMask() {
            return bootCpuOnly;
        }

        @Override
        public CpuMask onlineMask() {
            return bootCpuOnly;
        }

        @Override
        public CpuMask activeMask() {
            return bootCpuOnly;
        }

        @Override
        public CpuMask dyingMask() {
            return bootCpuOnly;
        }

        @Override
        public int cpuState(int cpu) {
            return BOOT_CPU_STATE;
        }

        @Override
        public int nrCpuIds() {
            return 1;
        }
    };

    private static String symbol(Callback callback) {
        return callback == null ? null : callback.symbol();
    }

    private final Scheduler scheduler = new Scheduler() {
        @Override
        public String engineName() {
            return "none";
        }

        @Override
        public EmulatedThread spawn(String name, int cpu, Runnable body) {
            throw new UnsupportedOperationException("no threads in this fake");
        }

        @Override
        public EmulatedThread current() {
            throw new UnsupportedOperationException("no threads in this fake");
        }

        @Override
        public int currentCpu() {
            return 0;
        }

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void sleep(Duration duration) {
            throw unsupported();
        }

        @Override
        public void delay(Duration duration) {
        }

        @Override
        public void yield() {
        }

        @Override
        public void park(String reason) {
            throw unsupported();
        }

        @Override
        public void unpark(EmulatedThread thread) {
        }

        @Override
        public Completion newCompletion(String name) {
            throw unsupported();
        }

        @Override
        public Mutex newMutex(String name) {
            throw unsupported();
        }

        @Override
        public RwSemaphore newRwSemaphore(String name) {
            throw unsupported();
        }

        @Override
        public void enterAtomic() {
        }

        @Override
        public void exitAtomic() {
        }

        @Override
        public boolean inAtomic() {
            return false;
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("no blocking in this fake");
        }
    };

    static Supplier<TestingDriverContext> of(String architecture) {
        return () -> new TestingDriverContext(architecture);
    }
}
