package org.hotplugemu.arch.x86.testing;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.SecondaryStart;
import org.hotplugemu.arch.spi.sched.Scheduler;

/** A {@link SecondaryStart} that records which of its steps ran, and on which thread. */
public final class TestingSecondaryStart implements SecondaryStart {
    private final int cpu;
    private final Scheduler scheduler;
    private final List<String> calls = new ArrayList<>();

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
        calls.add("online on " + scheduler.current().name());
    }

    @Override
    public void cpuStartupEntry() {
        calls.add("cpuStartupEntry on " + scheduler.current().name());
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
