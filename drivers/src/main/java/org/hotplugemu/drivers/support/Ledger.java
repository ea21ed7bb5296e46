package org.hotplugemu.drivers.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts items of deferred work (work items, timers, RCU callbacks, tasklets) so that losing one
 * or running one twice is visible: {@code lost = queued - run - pending} must stay 0, and so must
 * {@code duplicates}.
 *
 * <p>Experimental.
 */
public final class Ledger {
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong run = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong migrated = new AtomicLong();

    /** One deferred item: runs its body the first time, counts any later run as a duplicate. */
    public final class Item {
        private final long id;
        private final Runnable body;
        private boolean done;

        private Item(long id, Runnable body) {
            this.id = id;
            this.body = body;
        }

        public long id() {
            return id;
        }

        /** Runs the item; the caller must not hold any lock (the body may queue more work). */
        public void run() {
            boolean first;
            synchronized (this) {
                first = !done;
                done = true;
            }
            if (first) {
                run.incrementAndGet();
                body.run();
            } else {
                duplicates.incrementAndGet();
            }
        }
    }

    /** Creates and counts a new queued item. */
    public Item queue(Runnable body) {
        return new Item(queued.incrementAndGet(), body);
    }

    /** Counts an item moved from one CPU to another by a hotplug callback. */
    public void migrated(int count) {
        migrated.addAndGet(count);
    }

    public long queued() {
        return queued.get();
    }

    public long run() {
        return run.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** Formats the counters for a debugfs file; {@code pending} is what the subsystem holds now. */
    public String format(long pending) {
        long q = queued.get();
        long r = run.get();
        return "queued: " + q + "\nrun: " + r + "\npending: " + pending + "\nmigrated: " + migrated.get()
                + "\nlost: " + (q - r - pending) + "\nduplicates: " + duplicates.get() + "\n";
    }
}
