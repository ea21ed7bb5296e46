package org.hotplugemu.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hotplugemu.arch.spi.PrintkTime;

/**
 * The {@code sim} engine's hang watchdogs. Livelock: counts scheduling points (switches and
 * cond_resched calls) at one virtual instant, on the baton holder. Soft lockup: the driver's wait
 * for the baton, which gives up when neither a switch nor the clock moved for the threshold of real
 * time, because the baton holder then runs plain Java that never yields.
 */
final class SimWatchdog {
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long livelockPoints;
    private final long softLockupNanos;
    private final BooleanSupplier handedBack;
    private final LongSupplier switches;
    private final LongSupplier clock;
    private final Supplier<Task> holder;
    private final BooleanSupplier outOfMemory;
    /** Baton holder only: the instant being counted and its scheduling points so far. */
    private long instantClock = -1;
    private long instantPoints;

    SimWatchdog(EngineOptions options, BooleanSupplier handedBack, LongSupplier switches, LongSupplier clock,
            Supplier<Task> holder, BooleanSupplier outOfMemory) {
        this.livelockPoints = options.livelockSwitches();
        this.softLockupNanos = options.softLockupThreshold().toNanos();
        this.handedBack = handedBack;
        this.switches = switches;
        this.clock = clock;
        this.holder = holder;
        this.outOfMemory = outOfMemory;
    }

    /** Counts a scheduling point at {@code now}; true once the livelock limit is reached (the count then restarts). */
    boolean livelock(long now) {
        if (livelockPoints == 0) {
            return false;
        }
        if (now != instantClock) {
            instantClock = now;
            instantPoints = 0;
            return false;
        }
        if (++instantPoints < livelockPoints) {
            return false;
        }
        instantPoints = 0; // a later run gets a budget of its own
        return true;
    }

    Hang livelockReport(long now) {
        return new Hang(HangException.Kind.LIVELOCK, "livelock: " + livelockPoints + " switches at "
                + PrintkTime.seconds(now) + " without virtual time advancing (threads looping on"
                + " cond_resched() or yield for what only time or a blocked thread can bring)");
    }

    /**
     * Parks the driver until the baton comes back, returning null; or gives up, when an emulated
     * thread ran out of heap (null as well: the caller sees it) or on a soft lockup (its report).
     * Parks rather than waiting on a Semaphore: with the heap full, AQS retries its node allocation
     * forever and the timeout would never come.
     */
    Hang awaitHandback() {
        long poll = softLockupNanos == 0 ? MAX_POLL_NANOS : Math.clamp(softLockupNanos / 10, 1_000_000L, MAX_POLL_NANOS);
        long seenSwitches = switches.getAsLong();
        long seenClock = clock.getAsLong();
        long since = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(this, poll);
            if (handedBack.getAsBoolean() || outOfMemory.getAsBoolean()) {
                return null;
            }
            Task running = holder.get();
            long now = System.nanoTime();
            long nowSwitches = switches.getAsLong();
            long nowClock = clock.getAsLong();
            if (nowSwitches != seenSwitches || nowClock != seenClock || running == null) {
                seenSwitches = nowSwitches;
                seenClock = nowClock;
                since = now;
            } else if (softLockupNanos > 0 && now - since >= softLockupNanos) {
                return HangReports.softLockup(running, now - since);
            }
        }
    }
}
