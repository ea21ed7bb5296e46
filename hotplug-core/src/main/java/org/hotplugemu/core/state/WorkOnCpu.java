package org.hotplugemu.core.state;

import java.util.function.Supplier;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.engine.LockMap;

/**
 * {@code work_on_cpu}: runs a function on a per-CPU worker ({@code kworker/N:1}) and waits for its
 * result. {@code cpu_down} uses it so the control task never runs on the CPU being taken down,
 * which is why the kernel's offline traces show {@code kworker/0:1}.
 */
final class WorkOnCpu {
    private final Scheduler scheduler;
    private final Worker[] workers;
    /** Lockdep's map of the on-stack work item, as {@code INIT_WORK_ONSTACK} gives it. */
    private final LockMap workMap;

    WorkOnCpu(Scheduler scheduler, int nrCpus) {
        this.scheduler = scheduler;
        this.workers = new Worker[nrCpus];
        this.workMap = LockMap.create(scheduler, "(work_completion)(&wfc.work)");
    }

    Outcome run(int cpu, Supplier<Outcome> work) {
        Worker worker;
        synchronized (workers) {
            worker = workers[cpu];
            if (worker == null) {
                worker = new Worker(cpu);
                workers[cpu] = worker;
            }
        }
        return worker.submit(work);
    }

    private final class Worker {
        private final Completion done;
        private final EmulatedThread thread;
        private volatile Supplier<Outcome> work;
        private volatile Outcome result = Outcome.OK;

        Worker(int cpu) {
            this.done = scheduler.newCompletion("work_on_cpu");
            this.thread = scheduler.spawn("kworker/" + cpu + ":1", cpu, this::loop);
        }

        Outcome submit(Supplier<Outcome> submitted) {
            // flush_work(): lockdep learns that the work runs under what the caller holds.
            workMap.touch();
            work = submitted;
            scheduler.unpark(thread);
            done.await();
            return result;
        }

        private void loop() {
            CallChain.enter("worker_thread");
            while (true) {
                Supplier<Outcome> next = work;
                if (next == null) {
                    scheduler.park("worker idle");
                    continue;
                }
                work = null;
                CallChain.enter("process_one_work");
                workMap.acquire();
                CallChain.enter("work_for_cpu_fn");
                try {
                    result = next.get();
                }
                finally {
                    CallChain.exit();
                    workMap.release();
                    CallChain.exit();
                    done.complete();
                }
            }
        }
    }
}
