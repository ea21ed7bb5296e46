package org.hotplugemu.distribution.bench;

/** One machine size booted: wall-clock milliseconds to build and boot, and the heap it holds. Experimental. */
public record BootFigure(int cpus, double wallMs, double heapMb) {
    /** Returns the wall-clock microseconds of boot per CPU. */
    public double microsPerCpu() {
        return wallMs * 1_000 / cpus;
    }
}
