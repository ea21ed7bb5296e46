package org.hotplugemu.core.machine;

/** Whether the machine is booting: callbacks then cost their boot-time figure. One per machine. */
final class BootWindow {
    private volatile boolean booting;

    boolean booting() {
        return booting;
    }

    void set(boolean booting) {
        this.booting = booting;
    }
}
