package org.hotplugemu.core.engine;

/**
 * One lock as lockdep knows it ({@code struct lockdep_map}): its class and the address a report
 * prints for it. The address is made up, unique within the machine and stable from run to run.
 */
record LockInstance(LockClass lockClass, long address) {
    String describe() {
        return String.format("%016x ", address) + lockClass.describe();
    }
}
