package org.hotplugemu.core.state;

import org.hotplugemu.core.profile.Profile;

/**
 * What the core's state machine offers to the files that drive it ({@code /sys/devices/system/cpu}
 * and the tools built on them): reading each CPU's hotplug state, moving CPUs, arming failures and
 * switching SMT. The rules of each file (parsing, ranges, errnos of the store) live with the file;
 * the operations here are the kernel's functions they call. Experimental.
 */
public interface HotplugOperations {
    Profile profile();

    Masks masks();

    int nrCpus();

    /** {@code st->state}. */
    int state(int cpu);

    /** {@code st->target}. */
    int target(int cpu);

    /** The state armed to fail, or -1. */
    int fail(int cpu);

    /** {@code cpu_up}: brings {@code cpu} up to {@code target}. */
    void cpuUp(int cpu, int target);

    /** {@code cpu_down}: takes {@code cpu} down to {@code target}. */
    void cpuDown(int cpu, int target);

    /** Sets the target of a CPU already at that state ({@code target_store} with nothing to do). */
    void retarget(int cpu, int target);

    /** Arms {@code state} to fail once on {@code cpu}, or disarms with -1; the caller validated it. */
    void armFail(int cpu, int state);

    /** Returns whether {@code state} has a callback in either direction, under {@code cpuhp_state_mutex}. */
    boolean hasCallbacks(int state);

    /** Returns whether {@code state} is marked {@code cant_stop}. */
    boolean cantStop(int state);

    /** Returns the name of a state, or null when it has none. */
    String stepName(int state);

    /** Returns {@code hotplug/states}: {@code "%3d: %s\n"} for every named state. */
    String renderStates();

    /** {@code !dev->offline} of the CPU device: what {@code cpuN/online} shows. */
    boolean deviceOnline(int cpu);

    /**
     * {@code device_online}/{@code device_offline} of the CPU device, as {@code cpuN/online} and the
     * system device hot-plug call them: repeating the current value succeeds without doing anything.
     */
    void setDeviceOnline(int cpu, boolean online);

    SmtControl smtControl();

    /** {@code cpuhp_smt_disable}: takes the siblings offline; the control changes only when all went. */
    void smtDisable(SmtControl control);

    /** {@code cpuhp_smt_enable}: sets the control on and brings every present offline CPU up. */
    void smtEnable();
}
