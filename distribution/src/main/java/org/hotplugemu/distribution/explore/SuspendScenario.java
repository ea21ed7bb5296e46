package org.hotplugemu.distribution.explore;

import org.hotplugemu.core.machine.Machine;

/** A point of the suspend sweep: the freeze of the secondary CPUs, or their thaw, failing on one CPU at one state. */
sealed interface SuspendScenario permits FreezeScenario, ThawScenario {
    int cpu();

    int state();

    String stateName();

    String id();

    /** The script that replays the scenario on a freshly booted machine, with CPU {@code onCpu} failing. */
    String script(int onCpu);

    /** Runs the scenario with CPU {@code onCpu} failing, on a booted machine whose CPUs are all online. */
    FaultScenario.Outcome run(Machine machine, int onCpu);
}
