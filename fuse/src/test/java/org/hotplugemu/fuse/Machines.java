package org.hotplugemu.fuse;

import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.core.driver.MachineDrivers;

/** Booted emulated machines for the tests: x86 with the stock drivers, on the deterministic engine. */
final class Machines {
    private Machines() {
    }

    static Machine x86(int cpus, int smt) {
        Machine machine = new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(cpus).threadsPerCore(smt)
                .driverProviders(MachineDrivers.installed()).seed(42).build();
        machine.boot();
        return machine;
    }
}
