package org.hotplugemu.distribution.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0..count-1} on up to {@code jobs} platform threads, each taking the next task
 * not yet taken. Which thread runs a task is left to timing, so a task must not depend on what ran
 * before it on the same thread: each of a campaign's tasks boots its own machines. A task that
 * throws stops the others from taking more, and its exception is rethrown once all have stopped.
 * Everything the tasks did happens-before {@link #run} returns (the threads are joined).
 */
final class Workers {
    private Workers() {
    }

    static void run(int jobs, int count, IntConsumer task) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        if (jobs == 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            for (int i = next.getAndIncrement(); i < count && !stop.get(); i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (int j = 0; j < Math.min(jobs, count); j++) {
            Thread thread = Thread.ofPlatform().name("explore-" + (j + 1)).daemon(true).unstarted(loop);
            thread.setContextClassLoader(loader);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // Wait for the scenarios under way all the same: their machines are closed as they end.
                    stop.set(true);
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }
}
