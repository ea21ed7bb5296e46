package org.hotplugemu.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.api.sched.EmulatedThread;
import org.hotplugemu.api.sched.Scheduler;

/**
 * The core's half of a secondary start for architecture tests: records which steps ran on which
 * thread and whether the CPU is online; built with {@link #idling} its idle loop parks until
 * {@link #takeDown}, otherwise every step returns at once.
 */
public final class TestingSecondaryStart implements SecondaryStart {
    private final int cpu;
    private final Scheduler scheduler;
    private final boolean idles;
    private final List<String> calls = new ArrayList<>();
    private volatile boolean online;
    private volatile EmulatedThread idle;

    /** A start whose steps only record themselves and return. */
    public TestingSecondaryStart(int cpu, Scheduler scheduler) {
        this(cpu, scheduler, false);
    }

    private TestingSecondaryStart(int cpu, Scheduler scheduler, boolean idles) {
        this.cpu = cpu;
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.idles = idles;
    }

    /**
     * A start that insists online() runs on {@code cpu} and whose cpuStartupEntry idles, parked,
     * until {@link #takeDown}; then the CPU counts as offline again.
     */
    public static TestingSecondaryStart idling(int cpu, Scheduler scheduler) {
        return new TestingSecondaryStart(cpu, scheduler, true);
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public void online() {
        record("online");
        if (idles && scheduler.currentCpu() != cpu) {
            throw new AssertionError("online() ran on CPU " + scheduler.currentCpu());
        }
        online = true;
    }

    @Override
    public void cpuStartupEntry() {
        record("cpuStartupEntry");
        if (idles) {
            idle = scheduler.current();
            scheduler.park("idle");
            online = false;
        }
    }

    private void record(String step) {
        String line = step + " on " + scheduler.current().name();
        synchronized (calls) {
            calls.add(line);
        }
    }

    /** Returns the steps that ran, as {@code "online on swapper/2"}, in order. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public boolean isOnline() {
        return online;
    }

    /** Lets the idle loop return, as after the core ran take_cpu_down on the CPU and it went idle-dead. */
    public void takeDown() {
        scheduler.unpark(idle);
    }

    /** Records the backend's report from play_dead. */
    @Override
    public void reportDead() {
        record("reportDead");
    }

    /** Returns the thread idling in cpuStartupEntry, or null before it got there. */
    public EmulatedThread hardwareThread() {
        return idle;
    }
}
