package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/**
 * What the per-CPU sysfs files do on write: {@code fail_store}, {@code target_store} and the CPU
 * device's {@code online} file, with the kernel's validation and quirks.
 */
public final class CpuControl {
    private final Hotplug hp;

    public CpuControl(Hotplug hp) {
        this.hp = requireNonNull(hp, "hp is null");
    }

    /** {@code fail_store}: arms (or with -1 disarms) a one-shot failure of a step on {@code cpu}. */
    public void writeFail(int cpu, int fail) {
        CpuState st = hp.cpu(cpu);
        if (fail == CpuState.FAIL_DISARMED) {
            st.fail = fail;
            return;
        }
        if (fail < 0 || fail > hp.profile.online()) {
            throw new HotplugException(Errno.EINVAL, "fail " + fail + " is out of range 0-" + hp.profile.online() + " (-1 disarms)");
        }
        if (hp.profile.isAtomicState(fail)) {
            throw new HotplugException(Errno.EINVAL, "state " + fail + " is a STARTING/DYING state, which cannot fail");
        }
        if (fail <= hp.profile.bringupCpu() && st.state > hp.profile.bringupCpu()) {
            throw new HotplugException(Errno.EINVAL, "state " + fail + " is a PREPARE state: DEAD callbacks cannot fail while the CPU is up");
        }
        hp.stateMutex.lock();
        try {
            if (!hp.table.get(fail).hasAnyCallback()) {
                throw new HotplugException(Errno.EINVAL, "state " + fail + " has no callbacks to fail");
            }
        }
        finally {
            hp.stateMutex.unlock();
        }
        st.fail = fail;
    }

    /**
     * {@code target_store}: drives {@code cpu} to {@code target}. Without state control only 0 and
     * ONLINE are accepted; with it any named, non-{@code cant_stop} state outside STARTING.
     */
    public void writeTarget(int cpu, int target, boolean stateControl) {
        CpuState st = hp.cpu(cpu);
        if (target < 0 || target > hp.profile.online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " is out of range 0-" + hp.profile.online());
        }
        if (!stateControl && target != 0 && target != hp.profile.online()) {
            throw new HotplugException(Errno.EINVAL, "target " + target + " needs CONFIG_CPU_HOTPLUG_STATE_CONTROL (cpuhp.state_control=1); use 0 or " + hp.profile.online());
        }
        String name = hp.stepName(target);
        if (name == null || hp.table.get(target).cantStop) {
            throw new HotplugException(Errno.EINVAL, "state " + target + (name == null ? " has no name" : " (" + name + ") is cant_stop") + " and is not a valid target");
        }
        if (target >= hp.profile.apIdleDead() && target <= hp.profile.apOnline()) {
            throw new HotplugException(Errno.EINVAL, "state " + target + " (" + name + ") is in the STARTING section (" + hp.profile.apIdleDead() + "-" + hp.profile.apOnline()
                    + "): a CPU cannot stop there, the kernel would BUG in cpuhp_report_idle_dead");
        }
        if (st.state < target) {
            hp.cpuUp(cpu, target);
        }
        else if (st.state > target) {
            hp.cpuDown(cpu, target);
        }
        else {
            st.target = target;
        }
    }

    /** Returns whether the CPU device is online, as {@code cpuN/online} reads. */
    public boolean deviceOnline(int cpu) {
        return !hp.cpu(cpu).deviceOffline;
    }

    /**
     * {@code device_online}/{@code device_offline} as the {@code online} file calls them: repeating the
     * current value succeeds without doing anything.
     */
    public void setDeviceOnline(int cpu, boolean online) {
        CpuState st = hp.cpu(cpu);
        if (st.deviceOffline != online) {
            return;
        }
        // cpu_device_up/down: what the operation costs around its callbacks, per the cost model.
        hp.invoker.charge(online ? "cpu_device_up" : "cpu_device_down");
        if (online) {
            hp.cpuUp(cpu, hp.profile.online());
        }
        else {
            hp.cpuDown(cpu, 0);
        }
        st.deviceOffline = !online;
    }

    /** Returns whether any core has more than one thread online ({@code sched_smt_active}). */
    public boolean smtActive() {
        Set<Long> cores = new HashSet<>();
        for (int cpu = 0; cpu < hp.cpus.length; cpu++) {
            if (hp.masks.online().test(cpu)) {
                var topology = hp.arch.topology().get(cpu);
                if (!cores.add(((long) topology.packageId() << 32) | topology.coreId())) {
                    return true;
                }
            }
        }
        return false;
    }

}
