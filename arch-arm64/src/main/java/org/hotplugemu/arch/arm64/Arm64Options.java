package org.hotplugemu.arch.arm64;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotplugemu.arch.arm64.psci.PsciConduit;
import org.hotplugemu.api.kernel.CpuList;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;

/**
 * The kernel command-line parameters the arm64 backend reads. They describe the emulated firmware
 * and device tree, which a real kernel would find in the DT, not on its command line:
 * <ul>
 * <li>{@code psci.conduit=smc|hvc}: the DT {@code method}; default {@code hvc}, as qemu's virt
 *     machine without EL2/EL3 emulation uses.</li>
 * <li>{@code psci.cpu_on_latency_us=N}: CPU_ON accepted → core enters warm boot (ON_PENDING);
 *     default 100.</li>
 * <li>{@code psci.cpu_off_latency_us=N}: CPU_OFF → AFFINITY_INFO reads OFF; default 100.</li>
 * <li>{@code psci.disabled=<cpulist>}: cores firmware keeps disabled (CPU_ON is DENIED).</li>
 * <li>{@code psci.tos_resident_on=<cpu>}: a trusted OS lives there (MIGRATE_INFO_TYPE 1): the CPU
 *     cannot be taken offline.</li>
 * <li>{@code arm64.spin_table=<cpulist>}: CPUs whose DT enable-method is spin-table.</li>
 * <li>{@code arm64.mpidr=0x0,0x1,...}: explicit MPIDRs (hex), one per CPU; default generated.</li>
 * </ul>
 * Experimental.
 */
public record Arm64Options(
        PsciConduit conduit,
        Duration cpuOnLatency,
        Duration cpuOffLatency,
        BitSet disabled,
        int tosResidentCpu,
        BitSet spinTable,
        Optional<List<Long>> mpidrs) {
    public static final Set<String> PARAMETERS = Set.of("psci.conduit", "psci.cpu_on_latency_us",
            "psci.cpu_off_latency_us", "psci.disabled", "psci.tos_resident_on", "arm64.spin_table", "arm64.mpidr");

    /** Reads a cpulist parameter as {@code cpulist_parse} does; the kernel's errno, the parameter named. */
    private static BitSet cpulist(KernelCommandLine line, String key, int cpus) {
        String text = line.get(key).orElse("");
        try {
            return CpuList.parse(text, cpus).toBitSet();
        }
        catch (HotplugException e) {
            throw new HotplugException(e.errno(), key + "=" + text + ": " + e.getMessage());
        }
    }

    /**
     * Reads the options from the machine's command line.
     *
     * @throws HotplugException EINVAL for a value that is malformed or names a CPU that cannot have it
     */
    public static Arm64Options from(MachineConfig config) {
        KernelCommandLine line = config.commandLine();
        int cpus = config.cpus();
        String conduitText = line.get("psci.conduit").orElse("hvc");
        PsciConduit conduit = switch (conduitText) {
            case "hvc" -> PsciConduit.HVC;
            case "smc" -> PsciConduit.SMC;
            default -> throw new HotplugException(Errno.EINVAL, "psci.conduit=" + conduitText + " is unknown: use smc or hvc");
        };
        BitSet disabled = cpulist(line, "psci.disabled", cpus);
        BitSet spinTable = cpulist(line, "arm64.spin_table", cpus);
        if (disabled.get(0)) {
            throw new HotplugException(Errno.EINVAL, "psci.disabled must not name CPU 0: the boot CPU is already running");
        }
        if (disabled.intersects(spinTable)) {
            throw new HotplugException(Errno.EINVAL, "psci.disabled and arm64.spin_table overlap: a spin-table CPU is not managed by PSCI");
        }
        int tos = (int) line.getLong("psci.tos_resident_on", -1);
        if (line.has("psci.tos_resident_on") && (tos >= cpus || spinTable.get(tos))) {
            throw new HotplugException(Errno.EINVAL, "psci.tos_resident_on=" + tos + " must name a PSCI CPU below " + cpus);
        }
        return new Arm64Options(conduit,
                Duration.ofNanos(line.getLong("psci.cpu_on_latency_us", 100) * 1000),
                Duration.ofNanos(line.getLong("psci.cpu_off_latency_us", 100) * 1000),
                disabled, tos, spinTable, line.get("arm64.mpidr").map(text -> parseMpidrs(text, cpus)));
    }

    private static List<Long> parseMpidrs(String text, int cpus) {
        List<Long> values = new ArrayList<>();
        for (String word : text.split(",")) {
            String digits = word.startsWith("0x") || word.startsWith("0X") ? word.substring(2) : word;
            try {
                values.add(Long.parseUnsignedLong(digits, 16));
            }
            catch (NumberFormatException e) {
                throw new HotplugException(Errno.EINVAL, "arm64.mpidr: '" + word + "' is not a hexadecimal MPIDR");
            }
        }
        if (values.size() != cpus) {
            throw new HotplugException(Errno.EINVAL, "arm64.mpidr lists " + values.size() + " MPIDRs for " + cpus + " CPUs: give one per CPU");
        }
        return values;
    }
}
