package org.hotplugemu.arch.arm64.testing;

import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.arch.spi.sched.EmulatedThread;
import org.hotplugemu.arch.spi.sched.Scheduler;

/** The core's half of a secondary start: marks the CPU online, idles until told to report dead. */
public final class TestingSecondaryStart implements SecondaryStart {
    private final int cpu;
    private final Scheduler scheduler;
    private volatile boolean online;
    private volatile EmulatedThread idle;

    public TestingSecondaryStart(int cpu, Scheduler scheduler) {
        this.cpu = cpu;
        this.scheduler = scheduler;
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public void online() {
        if (scheduler.currentCpu() != cpu) {
            throw new AssertionError("online() ran on CPU " + scheduler.currentCpu());
        }
        online = true;
    }

    @Override
    public void cpuStartupEntry() {
        idle = scheduler.current();
        scheduler.park("idle");
        online = false;
    }

    public boolean isOnline() {
        return online;
    }

    /** Lets the idle loop return, as after the CPU reported itself dead. */
    public void reportDead() {
        scheduler.unpark(idle);
    }

    public EmulatedThread hardwareThread() {
        return idle;
    }
}
