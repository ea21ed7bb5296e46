package org.hotplugemu.distribution.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.api.kernel.KernelLog.Level;
import org.hotplugemu.core.machine.HotplugControl;
import org.hotplugemu.core.machine.KernelLogEntry;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.tracing.Tracing;

/**
 * A machine made of a few files: {@code cpuN/online} files that accept kstrtobool values (else
 * EINVAL), a read-only {@code hotplug/states}, and a log. It records every write.
 */
final class TestingMachine implements Machine {
    static final String CPU = "/sys/devices/system/cpu";

    private final Map<String, String> files = new TreeMap<>();
    private final Set<String> readOnly = new TreeSet<>();
    final List<String> writes = new ArrayList<>();
    final List<KernelLogEntry> log = new ArrayList<>(List.of(new KernelLogEntry(0, Level.NOTICE, "Linux version 6.1.0 (testing)")));
    long nanoTime;
    /** When set, every write fails with it (e.g. a deadlock report). */
    HotplugException writeFailure;

    TestingMachine(int cpus) {
        for (int cpu = 1; cpu < cpus; cpu++) {
            files.put(CPU + "/cpu" + cpu + "/online", "1\n");
        }
        files.put(CPU + "/hotplug/states", "  0: offline\n236: online\n");
        readOnly.add(CPU + "/hotplug/states");
    }

    @Override
    public String read(String path) {
        if (isDirectory(path)) {
            throw new HotplugException(Errno.EISDIR, path + " is a directory");
        }
        String content = files.get(path);
        if (content == null) {
            throw new HotplugException(Errno.ENOENT, path + " does not exist");
        }
        return content;
    }

    @Override
    public void write(String path, String value) {
        writes.add(path + "=" + value);
        if (writeFailure != null) {
            throw writeFailure;
        }
        if (!files.containsKey(path)) {
            // As sysfs: no new file in an existing directory (EACCES); a missing directory is ENOENT.
            boolean inDirectory = path.lastIndexOf('/') > 0 && isDirectory(path.substring(0, path.lastIndexOf('/')));
            throw new HotplugException(inDirectory ? Errno.EACCES : Errno.ENOENT, path + " does not exist");
        }
        if (readOnly.contains(path)) {
            throw new HotplugException(Errno.EACCES, path + " is read-only");
        }
        String trimmed = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        Boolean online = KernelBool.parseOrNull(value);
        if (online == null) {
            throw new HotplugException(Errno.EINVAL, "not a boolean: " + value);
        }
        files.put(path, online ? "1\n" : "0\n");
        log.add(new KernelLogEntry(100_000_000, Level.INFO, path + " <- " + trimmed));
    }

    @Override
    public boolean writable(String path) {
        return files.containsKey(path) && !readOnly.contains(path);
    }

    @Override
    public List<String> list(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        Set<String> entries = new TreeSet<>();
        for (String path : files.keySet()) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                entries.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        if (entries.isEmpty()) {
            throw new HotplugException(Errno.ENOENT, directory + " does not exist");
        }
        return List.copyOf(entries);
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path) || isDirectory(path);
    }

    @Override
    public boolean isDirectory(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return files.keySet().stream().anyMatch(file -> file.startsWith(prefix));
    }

    @Override
    public List<KernelLogEntry> kernelLog() {
        return List.copyOf(log);
    }

    @Override
    public void clearKernelLog() {
        log.clear();
    }

    @Override
    public void sleep(Duration duration) {
        nanoTime += duration.toNanos();
    }

    @Override
    public long nanoTime() {
        return nanoTime;
    }

    @Override
    public String architecture() {
        return "testing";
    }

    @Override
    public Profile profile() {
        throw new UnsupportedOperationException("no profile in the file-only fake");
    }

    @Override
    public String engineName() {
        return "sim";
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public int cpus() {
        return (int) files.keySet().stream().filter(path -> path.endsWith("/online")).count() + 1;
    }

    @Override
    public void boot() {
    }

    @Override
    public boolean booted() {
        return true;
    }

    @Override
    public Tracing tracing() {
        throw new UnsupportedOperationException("no tracing in the file-only fake");
    }

    @Override
    public HotplugControl control() {
        throw new UnsupportedOperationException("no state machine in the file-only fake");
    }

    @Override
    public void close() {
    }
}
