package org.hotplugemu.arch.arm64;

import java.util.BitSet;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;

/**
 * Parses the kernel's cpulist syntax ({@code 0-3,5}) of a command-line parameter. Experimental.
 */
public final class CpuList {
    private CpuList() {
    }

    /**
     * Returns the CPUs {@code text} names.
     *
     * @throws HotplugException EINVAL for bad syntax or a CPU not below {@code cpus}
     */
    public static BitSet parse(String parameter, String text, int cpus) {
        BitSet result = new BitSet();
        if (text.isEmpty()) {
            return result;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            int first;
            int last;
            try {
                first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
            }
            catch (NumberFormatException e) {
                throw new HotplugException(Errno.EINVAL, parameter + "=" + text + " is not a cpulist such as 1-3,5");
            }
            if (first < 0 || last < first || last >= cpus) {
                throw new HotplugException(Errno.EINVAL, parameter + "=" + text + " names CPUs outside 0-" + (cpus - 1));
            }
            result.set(first, last + 1);
        }
        return result;
    }
}
