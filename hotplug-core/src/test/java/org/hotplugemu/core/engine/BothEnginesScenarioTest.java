package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotplugemu.api.sched.Completion;
import org.hotplugemu.api.sched.Mutex;
import org.junit.jupiter.api.Test;

class BothEnginesScenarioTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int ITEMS = 200;

    /** Producers add to a mutex-protected sum and signal items; consumers count what they take. */
    private static long[] producerConsumer(Engine engine) {
        long[] shared = new long[2];
        engine.execute("control", 0, () -> {
            Mutex mutex = engine.newMutex("counter_mutex");
            Completion items = engine.newCompletion("items");
            Completion finished = engine.newCompletion("finished");
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                engine.spawn("producer/" + p, p, () -> {
                    for (int i = 1; i <= ITEMS; i++) {
                        mutex.lock();
                        shared[0] += (long) producer * ITEMS + i;
                        mutex.unlock();
                        items.complete();
                        if (i % 16 == 0) {
                            engine.yield();
                        }
                    }
                    finished.complete();
                });
            }
            for (int c = 0; c < CONSUMERS; c++) {
                engine.spawn("consumer/" + c, PRODUCERS + c, () -> {
                    for (int i = 0; i < PRODUCERS * ITEMS / CONSUMERS; i++) {
                        items.await();
                        mutex.lock();
                        shared[1]++;
                        mutex.unlock();
                    }
                    finished.complete();
                });
            }
            for (int t = 0; t < PRODUCERS + CONSUMERS; t++) {
                finished.await();
            }
        });
        return shared;
    }

    @Test
    void producerConsumerGivesTheSameResultOnBothEngines() {
        long[] sim;
        long[] threads;
        try (Engine engine = Engines.create("sim", new EngineOptions(5))) {
            sim = producerConsumer(engine);
        }
        try (Engine engine = Engines.create("threads", new EngineOptions(5))) {
            threads = producerConsumer(engine);
        }
        long n = (long) PRODUCERS * ITEMS;

        assertThat(sim).containsExactly(n * (n + 1) / 2, n);
        assertThat(threads).containsExactly(sim);
    }
}
