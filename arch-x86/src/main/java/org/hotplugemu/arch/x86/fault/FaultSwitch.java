package org.hotplugemu.arch.x86.fault;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.VirtualFile;

/**
 * One injectable fault, armed for one CPU at a time through a debugfs file: write a CPU number to
 * arm it, {@code -1} to disarm; reading shows the armed CPU or {@code -1}. A one-shot switch disarms
 * itself when the fault has had its effect; a persistent one stays armed until {@code -1} is written.
 *
 * <p>Experimental.
 */
public final class FaultSwitch {
    public static final int DISARMED = -1;

    private final String name;
    private final boolean oneShot;
    private final int cpus;
    private int armedCpu = DISARMED;

    public FaultSwitch(String name, boolean oneShot, int cpus) {
        this.name = requireNonNull(name, "name is null");
        this.oneShot = oneShot;
        this.cpus = cpus;
    }

    public String name() {
        return name;
    }

    public boolean oneShot() {
        return oneShot;
    }

    public synchronized int armedCpu() {
        return armedCpu;
    }

    /**
     * Arms the fault for {@code cpu}, or disarms it with {@link #DISARMED}.
     *
     * @throws HotplugException EINVAL for CPU 0 (never brought up nor taken down) or a CPU that does not exist
     */
    public synchronized void arm(int cpu) {
        if (cpu != DISARMED && (cpu < 1 || cpu >= cpus)) {
            throw new HotplugException(Errno.EINVAL, name + ": CPU " + cpu + " cannot be targeted: write a secondary CPU number 1.."
                    + (cpus - 1) + ", or -1 to disarm");
        }
        armedCpu = cpu;
    }

    /** Returns whether the fault is armed for {@code cpu}, without consuming it. */
    public synchronized boolean armedFor(int cpu) {
        return armedCpu == cpu;
    }

    /** Returns whether the fault is armed for {@code cpu}, and disarms a one-shot fault that is. */
    public synchronized boolean fire(int cpu) {
        if (armedCpu != cpu) {
            return false;
        }
        if (oneShot) {
            armedCpu = DISARMED;
        }
        return true;
    }

    /** Returns the debugfs file that shows and sets this switch. */
    public VirtualFile file() {
        return VirtualFile.readWrite(() -> armedCpu() + "\n", this::write);
    }

    private void write(String value) {
        String text = value.trim();
        try {
            arm(Integer.parseInt(text));
        }
        catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, name + ": '" + text + "' is not a CPU number: write a CPU number, or -1 to disarm");
        }
    }
}
