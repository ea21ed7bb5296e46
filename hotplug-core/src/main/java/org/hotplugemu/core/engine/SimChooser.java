package org.hotplugemu.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * The {@code sim} engine's choices under a {@link SimSchedule}: which runnable thread runs next and
 * how late a timed wake-up comes. Its own random stream (split from the seed) serves jitter and
 * priorities, so the {@code random} strategy draws exactly what it always drew.
 */
final class SimChooser {
    private final SimSchedule schedule;
    private final SplittableRandom pick;
    private final SplittableRandom perturb;
    private final IdentityHashMap<Task, Long> priorities = new IdentityHashMap<>();
    private final long[] changePoints;
    private int nextChange;
    /** Priorities below every initial one, handed out at change points, each lower than the last. */
    private long lowered = SimSchedule.PCT_DEPTH;

    SimChooser(long seed, SimSchedule schedule) {
        this.schedule = schedule;
        this.pick = new SplittableRandom(seed);
        this.perturb = new SplittableRandom(seed ^ 0x5DEECE66DL);
        if (schedule.prioritised()) {
            changePoints = new long[SimSchedule.PCT_DEPTH - 1];
            for (int i = 0; i < changePoints.length; i++) {
                changePoints[i] = perturb.nextLong(1, SimSchedule.PCT_HORIZON);
            }
            Arrays.sort(changePoints);
        } else {
            changePoints = new long[0];
        }
    }

    /** Returns how much later than asked a timed wake-up at {@code deadline} comes: 0 unless jittering. */
    long jitter() {
        return schedule.jitters() ? perturb.nextLong(schedule.windowNanos() + 1) : 0;
    }

    /**
     * Returns the index in {@code runnable} (not empty) of the thread to run next; {@code current} is
     * the baton holder giving it up (null when the driver starts a run), {@code switches} how many
     * handoffs the run has made.
     */
    int choose(ArrayList<Task> runnable, Task current, long switches) {
        int size = runnable.size();
        if (!schedule.prioritised()) {
            return size == 1 ? 0 : pick.nextInt(size);
        }
        while (nextChange < changePoints.length && switches >= changePoints[nextChange]) {
            nextChange++;
            if (current != null) {
                priorities.put(current, lowered--);
            }
        }
        int best = 0;
        long bestPriority = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            long priority = priorityOf(runnable.get(i));
            if (priority > bestPriority) {
                bestPriority = priority;
                best = i;
            }
        }
        return best;
    }

    /** Forgets a thread that has ended. */
    void forget(Task task) {
        if (schedule.prioritised()) {
            priorities.remove(task);
        }
    }

    private long priorityOf(Task task) {
        Long priority = priorities.get(task);
        if (priority == null) {
            priority = perturb.nextLong(SimSchedule.PCT_DEPTH + 1, Long.MAX_VALUE);
            priorities.put(task, priority);
        }
        return priority;
    }
}
