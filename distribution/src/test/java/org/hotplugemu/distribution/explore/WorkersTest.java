package org.hotplugemu.distribution.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The worker pool explore's runs go to. */
class WorkersTest {
    @Test
    void oneJobRunsEveryTaskInOrderOnTheCallingThread() {
        List<String> ran = new ArrayList<>();
        Workers.run(1, 3, task -> ran.add(task + " " + Thread.currentThread().getName()));
        String caller = Thread.currentThread().getName();
        assertThat(ran).containsExactly("0 " + caller, "1 " + caller, "2 " + caller);
    }

    @Test
    void severalJobsRunTasksAtOnceAndEachTaskExactlyOnce() {
        // Tasks 0 and 1 each wait for the other to start: with one worker at a time they would never finish.
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(50);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Workers.run(2, 50, task -> {
            threads.add(Thread.currentThread().getName());
            if (task < 2) {
                bothStarted.countDown();
                try {
                    bothStarted.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            runs.incrementAndGet(task);
        });
        for (int task = 0; task < 50; task++) {
            assertThat(runs.get(task)).as("runs of task %d", task).isEqualTo(1);
        }
        assertThat(threads).containsExactlyInAnyOrder("explore-1", "explore-2");
    }

    @Test
    void aTaskThatThrowsStopsTheRestAndItsExceptionReachesTheCaller() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        assertThatThrownBy(() -> Workers.run(3, 1000, task -> {
            runs.incrementAndGet(task);
            if (task == 5) {
                throw new IllegalStateException("task 5 broke");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 5 broke");
        int ran = 0;
        for (int task = 0; task < 1000; task++) {
            ran += runs.get(task);
        }
        assertThat(ran).isLessThan(1000);
        assertThatThrownBy(() -> Workers.run(0, 1, task -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
