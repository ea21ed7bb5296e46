package org.hotplugemu.arch.arm64.psci;

/**
 * What the emulated firmware asks the emulated hardware to do when it accepts CPU_ON: power the
 * core on, after which the core enters the firmware's warm-boot path
 * ({@link PsciFirmware#warmBootEntered}) and jumps to {@code entry} with x0 = {@code contextId}.
 * Experimental.
 */
@FunctionalInterface
public interface PowerOnListener {
    void powerOn(long mpidr, long entry, long contextId);
}
