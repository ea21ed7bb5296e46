package org.hotplugemu.fuse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * The root tree a mount serves: the machine's {@code /sys} exactly as the built-in shell sees it,
 * {@code /proc/cpuinfo} generated from its topology and online mask, and {@code /var/log/dmesg},
 * the kernel log as {@code dmesg} prints it. Every path is absolute within the tree.
 *
 * <p>Experimental: grows with the files tools need.
 */
public final class MachineTree {
    /** Where the kernel log is readable; not a kernel file, so it lives where Debian kept boot logs. */
    public static final String KERNEL_LOG = "/var/log/dmesg";
    public static final String CPUINFO = "/proc/cpuinfo";

    /** What {@code stat} reports for a path. */
    public record Attributes(boolean directory, int mode, long size) {
    }

    private final Machine machine;
    private final Map<String, Supplier<String>> generated;

    public MachineTree(Machine machine) {
        this.machine = requireNonNull(machine, "machine is null");
        CpuInfo cpuInfo = new CpuInfo(machine);
        this.generated = Map.of(CPUINFO, cpuInfo::render, KERNEL_LOG, this::kernelLog);
    }

    public Machine machine() {
        return machine;
    }

    /** Returns the attributes of {@code path}. @throws HotplugException ENOENT when it does not exist */
    public Attributes stat(String path) {
        String p = VirtualFs.normalize(path);
        if (isGeneratedDirectory(p)) {
            return new Attributes(true, 0755, 0);
        }
        if (generated.containsKey(p)) {
            return new Attributes(false, 0444, 0);
        }
        if (!isSys(p) || !machine.exists(p)) {
            throw noEntry(p);
        }
        if (machine.isDirectory(p)) {
            return new Attributes(true, Modes.directory(p), 0);
        }
        return new Attributes(false, Modes.file(p, machine.writable(p)), Modes.size(p));
    }

    /** Returns the names in directory {@code path}, sorted, without a trailing slash. */
    public List<String> list(String path) {
        String p = VirtualFs.normalize(path);
        List<String> names = new ArrayList<>();
        switch (p) {
            case "/" -> names.addAll(List.of("proc", "sys", "var"));
            case "/proc" -> names.add("cpuinfo");
            case "/var" -> names.add("log");
            case "/var/log" -> names.add("dmesg");
            default -> {
                if (!isSys(p)) {
                    throw noEntry(p);
                }
                for (String name : machine.list(p)) {
                    names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                }
            }
        }
        return names;
    }

    /** Returns the whole content of file {@code path}, as one {@code show} produces it. */
    public String read(String path) {
        String p = VirtualFs.normalize(path);
        Supplier<String> content = generated.get(p);
        if (content != null) {
            return content.get();
        }
        if (isGeneratedDirectory(p)) {
            throw new HotplugException(Errno.EISDIR, p + ": Is a directory");
        }
        if (!isSys(p)) {
            throw noEntry(p);
        }
        return machine.read(p);
    }

    /** Writes {@code value} to {@code path} in one store, as one {@code write(2)} does. */
    public void write(String path, String value) {
        String p = VirtualFs.normalize(path);
        if (generated.containsKey(p) || isGeneratedDirectory(p)) {
            throw new HotplugException(Errno.EACCES, p + ": Permission denied");
        }
        if (!isSys(p)) {
            throw noEntry(p);
        }
        machine.write(p, value);
    }

    private String kernelLog() {
        StringBuilder out = new StringBuilder();
        for (String line : machine.dmesg()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static boolean isGeneratedDirectory(String p) {
        return p.equals("/") || p.equals("/proc") || p.equals("/var") || p.equals("/var/log");
    }

    private static boolean isSys(String p) {
        return p.equals("/sys") || p.startsWith("/sys/");
    }

    private static HotplugException noEntry(String p) {
        return new HotplugException(Errno.ENOENT, p + ": No such file or directory");
    }
}
