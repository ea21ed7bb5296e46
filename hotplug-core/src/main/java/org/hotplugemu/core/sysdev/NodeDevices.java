package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.driver.CpuMask;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * NUMA node 0 as {@code /sys/devices/system/node} shows it on a machine without a NUMA
 * configuration (QEMU without {@code -numa}): {@code node0/cpulist} and {@code cpumap} list its
 * online CPUs, and the node is online while it holds memory or a present CPU.
 */
final class NodeDevices {
    static final String ROOT = "/sys/devices/system/node";

    private final CpuMask online;
    private final CpuMask present;
    private final MemoryBlocks memory;
    private final int nrCpus;

    NodeDevices(CpuMask online, CpuMask present, MemoryBlocks memory, int nrCpus) {
        this.online = requireNonNull(online, "online is null");
        this.present = requireNonNull(present, "present is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.nrCpus = nrCpus;
    }

    void install(VirtualFs fs) {
        fs.add(ROOT + "/possible", VirtualFile.readOnly(() -> "0\n"));
        fs.add(ROOT + "/online", VirtualFile.readOnly(() -> (nodeOnline() ? "0" : "") + "\n"));
        fs.add(ROOT + "/has_cpu", VirtualFile.readOnly(() -> (online.weight() > 0 ? "0" : "") + "\n"));
        fs.add(ROOT + "/has_memory", VirtualFile.readOnly(() -> (memory.anyOnline() ? "0" : "") + "\n"));
        fs.add(ROOT + "/node0/cpulist", VirtualFile.readOnly(() -> online.toCpuList() + "\n"));
        fs.add(ROOT + "/node0/cpumap", VirtualFile.readOnly(() -> cpumap(online, nrCpus) + "\n"));
        fs.setVisibility(ROOT + "/node0", this::nodeOnline);
    }

    private boolean nodeOnline() {
        return memory.anyOnline() || present.weight() > 0;
    }

    /** {@code %*pb}: hex in 32-bit groups separated by commas, the first group only as wide as needed. */
    static String cpumap(CpuMask mask, int bits) {
        StringBuilder out = new StringBuilder();
        int groups = (bits + 31) / 32;
        for (int group = groups - 1; group >= 0; group--) {
            long word = 0;
            for (int bit = 0; bit < 32; bit++) {
                if (mask.test(group * 32 + bit)) {
                    word |= 1L << bit;
                }
            }
            int width = group == groups - 1 ? ((bits - group * 32) + 3) / 4 : 8;
            String hex = Long.toHexString(word);
            out.append("0".repeat(Math.max(0, width - hex.length()))).append(hex);
            if (group > 0) {
                out.append(',');
            }
        }
        return out.toString();
    }
}
