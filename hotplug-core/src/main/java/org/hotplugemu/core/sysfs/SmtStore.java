package org.hotplugemu.core.sysfs;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hotplugemu.arch.spi.CpuTopology;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.state.HotplugOperations;
import org.hotplugemu.core.state.SmtControl;

/** {@code smt/control} and {@code smt/active}: {@code control_store} and {@code sched_smt_active}. */
final class SmtStore {
    private final HotplugOperations hotplug;
    private final List<CpuTopology> topology;

    SmtStore(HotplugOperations hotplug, List<CpuTopology> topology) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.topology = requireNonNull(topology, "topology is null");
    }

    /** Handles a write of {@code on}, {@code off} or {@code forceoff} (a trailing newline is allowed). */
    void write(String value) {
        String word = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        SmtControl requested = switch (word.toLowerCase(Locale.ROOT)) {
            case "on" -> SmtControl.ON;
            case "off" -> SmtControl.OFF;
            case "forceoff" -> SmtControl.FORCE_OFF;
            default -> throw new HotplugException(Errno.EINVAL, "smt/control takes on, off or forceoff, not '" + word + "'");
        };
        SmtControl current = hotplug.smtControl();
        if (current == SmtControl.FORCE_OFF) {
            throw new HotplugException(Errno.EPERM, "SMT was force-disabled; only a reboot enables it again");
        }
        if (current == SmtControl.NOT_SUPPORTED || current == SmtControl.NOT_IMPLEMENTED) {
            throw new HotplugException(Errno.ENODEV, "SMT control is " + current.text() + " on this machine");
        }
        if (requested == current) {
            return;
        }
        if (requested == SmtControl.ON) {
            hotplug.smtEnable();
        }
        else {
            hotplug.smtDisable(requested);
        }
    }

    /** Returns whether any core has more than one thread online ({@code sched_smt_active}). */
    boolean active() {
        Set<Long> cores = new HashSet<>();
        for (CpuTopology cpu : topology) {
            if (hotplug.masks().online().test(cpu.cpu()) && !cores.add(((long) cpu.packageId() << 32) | cpu.coreId())) {
                return true;
            }
        }
        return false;
    }
}
