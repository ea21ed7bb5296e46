package org.hotplugemu.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotplugemu.api.driver.SmpbootThread;
import org.hotplugemu.api.driver.SmpbootThreads;
import org.hotplugemu.core.smpboot.KThread;

/**
 * {@code kernel/smpboot.c}: the per-CPU threads created at {@code threads:prepare}, unparked at
 * {@code smpboot/threads:online} and parked in reverse going down, plus each CPU's self-parking
 * {@code cpuhp/N} hotplug thread.
 */
final class SmpbootRegistry {
    private final CpuhpState state;
    private final HotplugThreads hotplugThreads;
    /** Appended under {@code cpu_hotplug_lock} held for read; read by the CPUs' own walks. */
    private final List<Registered> registered = new CopyOnWriteArrayList<>();

    SmpbootRegistry(CpuhpState state, HotplugThreads hotplugThreads) {
        this.state = state;
        this.hotplugThreads = hotplugThreads;
    }

    /** {@code smpboot_create_threads}: every registered thread of {@code cpu} exists, parked. */
    void createThreads(int cpu) {
        hotplugThreads.create(cpu);
        for (Registered each : registered) {
            each.create(cpu);
        }
    }

    /** {@code smpboot_unpark_threads}. */
    void unparkThreads(int cpu) {
        for (Registered each : registered) {
            each.create(cpu).unpark();
        }
    }

    /** {@code smpboot_park_threads}: in reverse registration order. */
    void parkThreads(int cpu) {
        List<Registered> reversed = new ArrayList<>(registered);
        for (int i = reversed.size() - 1; i >= 0; i--) {
            KThread thread = reversed.get(i).threads[cpu];
            if (thread != null) {
                thread.park();
            }
        }
    }

    /** {@code smpboot_register_percpu_thread}, with the hotplug lock held for read by the caller. */
    SmpbootThreads register(SmpbootThread spec) {
        Registered entry = new Registered(spec, state.nrCpus());
        int createThreads = state.profile().number("CPUHP_CREATE_THREADS");
        int smpbootOnline = state.profile().number("CPUHP_AP_SMPBOOT_THREADS");
        for (int cpu = 0; cpu < state.nrCpus(); cpu++) {
            int at = state.cpu(cpu).state;
            if (at >= createThreads) {
                KThread thread = entry.create(cpu);
                if (at >= smpbootOnline) {
                    thread.unpark();
                }
            }
        }
        registered.add(entry);
        return entry;
    }

    private final class Registered implements SmpbootThreads {
        private final SmpbootThread spec;
        private final KThread[] threads;

        Registered(SmpbootThread spec, int nrCpus) {
            this.spec = spec;
            this.threads = new KThread[nrCpus];
        }

        KThread create(int cpu) {
            KThread thread = threads[cpu];
            if (thread == null) {
                thread = new KThread(state.scheduler(), state.log(), threadName(cpu), cpu, spec.shouldRun(), spec.run(), spec.park(), spec.unpark());
                threads[cpu] = thread;
            }
            return thread;
        }

        @Override
        public void wake(int cpu) {
            KThread thread = threads[cpu];
            if (thread != null) {
                thread.wake();
            }
        }

        @Override
        public String threadName(int cpu) {
            return spec.nameFormat().replace("%u", Integer.toString(cpu));
        }
    }
}
