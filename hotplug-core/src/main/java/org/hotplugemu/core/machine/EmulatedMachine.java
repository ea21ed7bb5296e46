package org.hotplugemu.core.machine;

/** The machine behind {@link MachineBuilder}. (Skeleton: the core issue fills it in.) */
final class EmulatedMachine {
    private EmulatedMachine() {
    }

    static Machine create(MachineBuilder builder) {
        throw new UnsupportedOperationException("the state machine is not built yet");
    }
}
