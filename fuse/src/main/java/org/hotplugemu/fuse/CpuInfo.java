package org.hotplugemu.fuse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotplugemu.core.machine.Machine;

/**
 * {@code /proc/cpuinfo} of the emulated machine: one block per online CPU, as the kernel prints
 * it, with the topology read from the machine's own sysfs files so it always agrees with them.
 * The model is that of the reference captures: QEMU's x86 CPU ({@code show_cpuinfo} of
 * {@code arch/x86/kernel/cpu/proc.c}) and a Cortex-A57 on arm64 ({@code arch/arm64/kernel/cpuinfo.c}).
 */
final class CpuInfo {
    private static final String CPU = "/sys/devices/system/cpu";
    /** The reference x86 kernel's 5192.21 BogoMIPS per CPU. */
    private static final String X86_BOGOMIPS = "5192.21";
    private static final String X86_FLAGS = "fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36"
            + " clflush mmx fxsr sse sse2 syscall nx lm nopl cpuid pni cx16 x2apic hypervisor lahf_lm";

    private final Machine machine;

    CpuInfo(Machine machine) {
        this.machine = machine;
    }

    String render() {
        List<Integer> online = parseCpuList(machine.read(CPU + "/online"));
        StringBuilder out = new StringBuilder();
        if (!machine.architecture().equals("x86")) {
            online.forEach(cpu -> arm64Block(out, cpu));
            return out.toString();
        }
        Map<Integer, Long> apicIds = apicIds();
        Map<Integer, int[]> places = new HashMap<>();
        Map<Integer, Integer> siblings = new HashMap<>();
        Map<Integer, Set<Integer>> cores = new HashMap<>();
        for (int cpu : online) {
            String topology = CPU + "/cpu" + cpu + "/topology/";
            int packageId = Integer.parseInt(machine.read(topology + "physical_package_id").strip());
            int coreId = Integer.parseInt(machine.read(topology + "core_id").strip());
            places.put(cpu, new int[] {packageId, coreId});
            siblings.merge(packageId, 1, Integer::sum);
            cores.computeIfAbsent(packageId, id -> new TreeSet<>()).add(coreId);
        }
        for (int cpu : online) {
            int packageId = places.get(cpu)[0];
            x86Block(out, cpu, packageId, places.get(cpu)[1], siblings.get(packageId), cores.get(packageId).size(),
                    apicIds.getOrDefault(cpu, (long) cpu));
        }
        return out.toString();
    }

    private static void x86Block(StringBuilder out, int cpu, int packageId, int coreId, int siblings, int cores, long apicId) {
        line(out, "processor", cpu);
        line(out, "vendor_id", "AuthenticAMD");
        line(out, "cpu family", 15);
        line(out, "model", 107);
        line(out, "model name", "QEMU Virtual CPU version 2.5+");
        line(out, "stepping", 1);
        line(out, "microcode", "0x1000065");
        line(out, "cpu MHz", "2596.104");
        line(out, "cache size", "512 KB");
        line(out, "physical id", packageId);
        line(out, "siblings", siblings);
        line(out, "core id", coreId);
        line(out, "cpu cores", cores);
        line(out, "apicid", apicId);
        line(out, "initial apicid", apicId);
        line(out, "fpu", "yes");
        line(out, "fpu_exception", "yes");
        line(out, "cpuid level", 13);
        line(out, "wp", "yes");
        line(out, "flags", X86_FLAGS + (siblings > cores ? " ht" : ""));
        line(out, "bugs", "fxsave_leak sysret_ss_attrs spectre_v1 spectre_v2 spec_store_bypass retbleed");
        line(out, "bogomips", X86_BOGOMIPS);
        line(out, "TLB size", "1024 4K pages");
        line(out, "clflush size", 64);
        line(out, "cache_alignment", 64);
        line(out, "address sizes", "40 bits physical, 48 bits virtual");
        out.append("power management:\n\n");
    }

    private static void arm64Block(StringBuilder out, int cpu) {
        line(out, "processor", cpu);
        line(out, "BogoMIPS", "125.00");
        line(out, "Features", "fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid");
        line(out, "CPU implementer", "0x41");
        out.append("CPU architecture: 8\n");
        line(out, "CPU variant", "0x1");
        line(out, "CPU part", "0xd07");
        line(out, "CPU revision", 2);
        out.append('\n');
    }

    /** The kernel pads names with tabs to two tab stops: {@code "%s\t: %s"} with the name pre-padded. */
    private static void line(StringBuilder out, String name, Object value) {
        out.append(name).append(name.length() < 8 ? "\t\t: " : "\t: ").append(value).append('\n');
    }

    /** APIC ids from the x86 backend's {@code lapic} debug file ({@code cpu N apicid 0xID ...}), when present. */
    private Map<Integer, Long> apicIds() {
        Map<Integer, Long> ids = new HashMap<>();
        String lapic = "/sys/kernel/debug/x86/lapic";
        if (!machine.exists(lapic)) {
            return ids;
        }
        for (String entry : machine.read(lapic).split("\n")) {
            String[] words = entry.split(" ");
            if (words.length >= 4 && words[0].equals("cpu") && words[2].equals("apicid") && words[3].startsWith("0x")) {
                ids.put(Integer.parseInt(words[1]), Long.parseLong(words[3].substring(2), 16));
            }
        }
        return ids;
    }

    /** Parses a kernel cpulist such as {@code 0-2,5}. */
    static List<Integer> parseCpuList(String text) {
        List<Integer> cpus = new ArrayList<>();
        String list = text.strip();
        if (list.isEmpty()) {
            return cpus;
        }
        for (String range : list.split(",")) {
            int dash = range.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }
}
