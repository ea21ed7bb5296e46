package org.hotplugemu.core.engine;

import java.util.PriorityQueue;

/**
 * The sim engine's pending wake-ups, ordered by deadline then creation, so ties fire in a fixed
 * order. A timer goes stale, and is skipped, once its task's timer generation moves on.
 */
final class SimTimers {
    private record Timer(long deadline, long sequence, Task task, int generation) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long sequence;

    void add(Task task, long deadline) {
        queue.add(new Timer(deadline, sequence++, task, task.timerGeneration));
    }

    /** Returns the earliest live deadline, or -1 when no timer is pending. */
    long firstDeadline() {
        Timer first = firstLive();
        return first == null ? -1 : first.deadline();
    }

    /** Removes the earliest live timer due at {@code now} or before and returns its task, or null. */
    Task pollDue(long now) {
        Timer first = firstLive();
        if (first == null || first.deadline() > now) {
            return null;
        }
        queue.poll();
        return first.task();
    }

    void clear() {
        queue.clear();
    }

    private Timer firstLive() {
        Timer first;
        while ((first = queue.peek()) != null && first.generation() != first.task().timerGeneration) {
            queue.poll();
        }
        return first;
    }
}
