package org.hotplugemu.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Mutex;
import org.hotplugemu.api.sched.RwSemaphore;

/**
 * Random operations among many emulated threads, logging each as {@code t<id>:<op>@<ns>}. The
 * operations come from a fixed workload seed, so only the engine's scheduling varies the log.
 */
final class RandomWorkload {
    private static final long WORKLOAD_SEED = 42;

    private RandomWorkload() {
    }

    static List<String> run(Engine engine, int threadCount, int operations) {
        List<String> log = new ArrayList<>();
        engine.execute("root", 0, () -> {
            Completion[] completions = {
                engine.newCompletion("c0"), engine.newCompletion("c1"), engine.newCompletion("c2")};
            Mutex mutex = engine.newMutex("m");
            RwSemaphore rwsem = engine.newRwSemaphore("rw");
            Completion finished = engine.newCompletion("finished");
            SplittableRandom workload = new SplittableRandom(WORKLOAD_SEED);
            for (int id = 0; id < threadCount; id++) {
                int thread = id;
                int perThread = operations / threadCount + (id < operations % threadCount ? 1 : 0);
                SplittableRandom choices = workload.split();
                engine.spawn("worker/" + id, id % 4, () -> {
                    for (int i = 0; i < perThread; i++) {
                        String op = operation(engine, choices, completions, mutex, rwsem);
                        log.add("t" + thread + ":" + op + "@" + engine.nanoTime());
                    }
                    finished.complete();
                });
            }
            for (int id = 0; id < threadCount; id++) {
                finished.await();
            }
        });
        return log;
    }

    private static String operation(Engine engine, SplittableRandom choices, Completion[] completions,
                                    Mutex mutex, RwSemaphore rwsem) {
        switch (choices.nextInt(7)) {
            case 0 -> {
                int which = choices.nextInt(completions.length);
                completions[which].complete();
                return "complete" + which;
            }
            case 1 -> {
                int which = choices.nextInt(completions.length);
                boolean done = completions[which].await(Duration.ofMillis(1 + choices.nextInt(3)));
                return "await" + which + "=" + done;
            }
            case 2 -> {
                mutex.lock();
                engine.yield();
                mutex.unlock();
                return "mutex";
            }
            case 3 -> {
                rwsem.readLock();
                engine.sleep(Duration.ofNanos(1000L * (1 + choices.nextInt(50))));
                rwsem.readUnlock();
                return "read";
            }
            case 4 -> {
                rwsem.writeLock();
                engine.yield();
                rwsem.writeUnlock();
                return "write";
            }
            case 5 -> {
                engine.sleep(Duration.ofNanos(1000L * choices.nextInt(100)));
                return "sleep";
            }
            default -> {
                engine.yield();
                return "yield";
            }
        }
    }
}
