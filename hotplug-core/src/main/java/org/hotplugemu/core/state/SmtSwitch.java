package org.hotplugemu.core.state;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/** {@code smt/control} writes: {@code cpuhp_smt_disable} and {@code cpuhp_smt_enable}. */
public final class SmtSwitch {
    private final Hotplug hp;

    public SmtSwitch(Hotplug hp) {
        this.hp = requireNonNull(hp, "hp is null");
    }

    /** Handles a write of {@code on}, {@code off} or {@code forceoff} (a trailing newline is allowed). */
    public void write(String value) {
        String word = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        SmtControl requested = switch (word.toLowerCase(Locale.ROOT)) {
            case "on" -> SmtControl.ON;
            case "off" -> SmtControl.OFF;
            case "forceoff" -> SmtControl.FORCE_OFF;
            default -> throw new HotplugException(Errno.EINVAL, "smt/control takes on, off or forceoff, not '" + word + "'");
        };
        SmtControl current = hp.smtControl;
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
            enable();
        }
        else {
            disable(requested);
        }
    }

    /** {@code cpuhp_smt_disable}: the control changes only when every sibling went offline. */
    private void disable(SmtControl control) {
        hp.cpuAddRemoveLock.lock();
        try {
            for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
                if (!hp.masks.online().test(cpu) || hp.arch.topology().get(cpu).primaryThread()) {
                    continue;
                }
                int ret = hp.doCpuDown(cpu, 0);
                if (ret != 0) {
                    Errno errno = Errno.ofNumber(ret);
                    throw new HotplugException(errno, "taking SMT sibling CPU " + cpu + " offline failed: " + errno.text()
                            + "; smt/control stays " + hp.smtControl.text());
                }
                hp.cpus[cpu].deviceOffline = true;
            }
            hp.smtControl = control;
        }
        finally {
            hp.cpuAddRemoveLock.unlock();
        }
    }

    private void enable() {
        hp.cpuAddRemoveLock.lock();
        try {
            hp.smtControl = SmtControl.ON;
            // Like the kernel, this brings up every present CPU that is offline, siblings or not.
            for (int cpu = 0; cpu < hp.nrCpus(); cpu++) {
                if (hp.masks.online().test(cpu) || !hp.masks.present().test(cpu)) {
                    continue;
                }
                int ret = hp.doCpuUp(cpu, hp.profile.online());
                if (ret != 0) {
                    Errno errno = Errno.ofNumber(ret);
                    throw new HotplugException(errno, "bringing CPU " + cpu + " online failed: " + errno.text());
                }
                hp.cpus[cpu].deviceOffline = false;
            }
        }
        finally {
            hp.cpuAddRemoveLock.unlock();
        }
    }

    /** Applies {@code nosmt} from the command line before bringup. */
    public void disableAtBoot() {
        if (hp.smtControl == SmtControl.ON) {
            hp.smtControl = SmtControl.OFF;
        }
    }
}
