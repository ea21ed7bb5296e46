package org.hotplugemu.core.sysfs;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.state.HotplugOperations;

/**
 * The store handlers of the per-CPU hotplug files, with the kernel's validation and quirks:
 * {@code fail_store} and {@code target_store} ({@code kernel/cpu.c}), and the CPU device's
 * {@code online} file ({@code device_online}/{@code device_offline}, {@code drivers/base}).
 */
final class CpuStores {
    private final HotplugOperations hotplug;
    private final boolean stateControl;

    CpuStores(HotplugOperations hotplug, boolean stateControl) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.stateControl = stateControl;
    }

    /** {@code fail_store}: arms (or with -1 disarms) a one-shot failure of a step on {@code cpu}. */
    void writeFail(int cpu, int fail) {
        Profile profile = hotplug.profile();
        if (fail == -1) {
            hotplug.armFail(cpu, fail);
            return;
        }
        if (fail < 0 || fail > profile.online()) {
            throw new HotplugException(Errno.EINVAL, "fail " + fail + " is out of range 0-" + profile.online() + " (-1 disarms)");
        }
        if (profile.isAtomicState(fail)) {
            throw new HotplugException(Errno.EINVAL, "state " + fail + " is a STARTING/DYING state, which cannot fail");
        }
        if (fail <= profile.bringupCpu() && hotplug.state(cpu) > profile.bringupCpu()) {
            throw new HotplugException(Errno.EINVAL, "state " + fail + " is a PREPARE state: DEAD callbacks cannot fail while the CPU is up");
        }
        if (!hotplug.hasCallbacks(fail)) {
            throw new HotplugException(Errno.EINVAL, "state " + fail + " has no callbacks to fail");
        }
        hotplug.armFail(cpu, fail);
    }

    /**
     * {@code target_store}: drives {@code cpu} to {@code target}. Without state control only 0 and
     * ONLINE are accepted; with it any named, non-{@code cant_stop} state outside STARTING.
     */
    void writeTarget(int cpu, int target) {
        Profile profile = hotplug.profile();
        int current = hotplug.state(cpu);
        if (target < 0 || target > profile.online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " is out of range 0-" + profile.online());
        }
        if (!stateControl && target != 0 && target != profile.online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " needs CONFIG_CPU_HOTPLUG_STATE_CONTROL (cpuhp.state_control=1); use 0 or "
                    + profile.online());
        }
        String name = hotplug.stepName(target);
        if (name == null || hotplug.cantStop(target)) {
            throw new HotplugException(Errno.EINVAL, "state " + target + (name == null ? " has no name" : " (" + name + ") is cant_stop")
                    + " and is not a valid target");
        }
        if (target >= profile.apIdleDead() && target <= profile.apOnline()) {
            throw new HotplugException(Errno.EINVAL, "state " + target + " (" + name + ") is in the STARTING section (" + profile.apIdleDead() + "-"
                    + profile.apOnline() + "): a CPU cannot stop there, the kernel would BUG in cpuhp_report_idle_dead");
        }
        if (current < target) {
            hotplug.cpuUp(cpu, target);
        }
        else if (current > target) {
            hotplug.cpuDown(cpu, target);
        }
        else {
            hotplug.retarget(cpu, target);
        }
    }
}
