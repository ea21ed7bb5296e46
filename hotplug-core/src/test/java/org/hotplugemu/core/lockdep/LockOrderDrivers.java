package org.hotplugemu.core.lockdep;

import java.time.Duration;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.driver.Callback;
import org.hotplugemu.api.driver.CpuHotplug;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;

/** Drivers with the locking bugs lockdep is for, each driven through a debugfs file. */
final class LockOrderDrivers {
    static final String RESCAN = "/sys/kernel/debug/inverted/rescan";
    static final String READER = "/sys/kernel/debug/rereader/start";

    private LockOrderDrivers() {
    }

    /**
     * The classic cpuhp inversion: the online callback takes the driver's mutex (so the mutex is taken
     * under {@code cpu_hotplug_lock}, through {@code cpuhp_state-up}), and a rescan takes
     * {@code cpus_read_lock} under that mutex.
     */
    static final class Inverted implements HotplugDriver {
        private int state;

        @Override
        public String name() {
            return "inverted";
        }

        @Override
        public void unregister(DriverContext context) {
            context.files().remove(RESCAN);
            context.hotplug().removeState(state);
        }

        @Override
        public void register(DriverContext context) {
            Mutex mutex = context.scheduler().newMutex("inverted_mutex");
            CpuHotplug hotplug = context.hotplug();
            state = hotplug.setupState(hotplug.state("CPUHP_AP_ONLINE_DYN"), "inverted:online", Callback.of("inverted_cpu_online", cpu -> {
                mutex.lock();
                mutex.unlock();
            }), null);
            context.files().add(RESCAN, VirtualFile.readWrite(() -> "", value -> {
                mutex.lock();
                try {
                    hotplug.cpusReadLock();
                    hotplug.cpusReadUnlock();
                } finally {
                    mutex.unlock();
                }
            }));
        }
    }

    /**
     * Reads {@code cpu_hotplug_lock} twice on one thread, 10 ms apart: a writer that queues in between
     * (an offline) deadlocks with it.
     */
    static final class Rereader implements HotplugDriver {
        @Override
        public String name() {
            return "rereader";
        }

        @Override
        public void register(DriverContext context) {
            CpuHotplug hotplug = context.hotplug();
            context.files().add(READER, VirtualFile.readWrite(() -> "", value -> context.scheduler().spawn("rereader", 0, () -> {
                hotplug.cpusReadLock();
                context.scheduler().sleep(Duration.ofMillis(10));
                hotplug.cpusReadLock();
                hotplug.cpusReadUnlock();
                hotplug.cpusReadUnlock();
            })));
        }
    }
}
