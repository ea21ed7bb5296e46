package org.hotplugemu.core.state;

import org.hotplugemu.api.driver.CpuMask;

/** The kernel's CPU masks: possible, present, online, active, dying, and booted-once. */
public final class Masks {
    private final AtomicCpuMask possible;
    private final AtomicCpuMask present;
    private final AtomicCpuMask online;
    private final AtomicCpuMask active;
    private final AtomicCpuMask dying;
    private final AtomicCpuMask bootedOnce;
    private final int nrCpus;

    Masks(int nrCpus) {
        this.nrCpus = nrCpus;
        possible = new AtomicCpuMask(nrCpus);
        present = new AtomicCpuMask(nrCpus);
        online = new AtomicCpuMask(nrCpus);
        active = new AtomicCpuMask(nrCpus);
        dying = new AtomicCpuMask(nrCpus);
        bootedOnce = new AtomicCpuMask(nrCpus);
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            possible.set(cpu, true);
            present.set(cpu, true);
        }
    }

    public CpuMask possible() {
        return possible;
    }

    public CpuMask present() {
        return present;
    }

    public CpuMask online() {
        return online;
    }

    public CpuMask active() {
        return active;
    }

    public CpuMask dying() {
        return dying;
    }

    public CpuMask bootedOnce() {
        return bootedOnce;
    }

    /** Returns the cpulist of possible CPUs that are not online, as {@code offline} prints it. */
    public String offlineList() {
        AtomicCpuMask offline = new AtomicCpuMask(nrCpus);
        possible.stream().filter(cpu -> !online.test(cpu)).forEach(cpu -> offline.set(cpu, true));
        return offline.toCpuList();
    }

    /**
     * Sets or clears {@code cpu} in the present mask ({@code set_cpu_present}), as ACPI processor
     * hot-add maps a CPU and hot-remove unmaps it. For the system device hot-plug only.
     */
    public void setPresent(int cpu, boolean value) {
        present.set(cpu, value);
    }

    void setOnline(int cpu, boolean value) {
        online.set(cpu, value);
    }

    void setActive(int cpu, boolean value) {
        active.set(cpu, value);
    }

    void setDying(int cpu, boolean value) {
        dying.set(cpu, value);
    }

    void setBootedOnce(int cpu) {
        bootedOnce.set(cpu, true);
    }
}
