package org.hotplugemu.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.PrintkTime;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.api.sched.Scheduler;

/**
 * An {@link ArchContext} for architecture tests over any scheduler, with a dmesg-like log stamped
 * with the scheduler's time, a file table and the real tracing module (a {@link TestingTracer}).
 */
public final class TestingArchContext implements ArchContext {
    private final MachineConfig config;
    private final Scheduler scheduler;
    private final TestingTracer tracer;
    private final List<String> dmesg = new ArrayList<>();
    private final Map<String, VirtualFile> files = new TreeMap<>();

    public TestingArchContext(int cpus, int threadsPerCore, String commandLine, Scheduler scheduler) {
        this.config = new MachineConfig(cpus, threadsPerCore, KernelCommandLine.parse(commandLine));
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.tracer = new TestingTracer(scheduler, cpus);
    }

    @Override
    public MachineConfig config() {
        return config;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public KernelLog log() {
        return (level, message) -> {
            long nanos = scheduler.nanoTime();
            synchronized (dmesg) {
                dmesg.add(PrintkTime.line(nanos, message));
            }
        };
    }

    /**
     * Fixed masks for architecture tests: every CPU possible and present, CPU 0 online and active.
     */
    @Override
    public org.hotplugemu.arch.spi.CpuMasks masks() {
        org.hotplugemu.api.kernel.CpuSet all = org.hotplugemu.api.kernel.CpuSet.of(java.util.stream.IntStream.range(0, config.cpus()));
        org.hotplugemu.api.kernel.CpuSet boot = org.hotplugemu.api.kernel.CpuSet.of(0);
        return new org.hotplugemu.arch.spi.CpuMasks() {
            @Override
            public org.hotplugemu.api.kernel.CpuSet possible() {
                return all;
            }

            @Override
            public org.hotplugemu.api.kernel.CpuSet present() {
                return all;
            }

            @Override
            public org.hotplugemu.api.kernel.CpuSet online() {
                return boot;
            }

            @Override
            public org.hotplugemu.api.kernel.CpuSet active() {
                return boot;
            }
        };
    }

    @Override
    public TestingTracer tracer() {
        return tracer;
    }

    @Override
    public VirtualFiles files() {
        return new VirtualFiles() {
            @Override
            public void add(String path, VirtualFile file) {
                if (files.putIfAbsent(path, file) != null) {
                    throw new HotplugException(Errno.EEXIST, path + " exists");
                }
            }

            @Override
            public void remove(String path) {
                files.remove(path);
            }
        };
    }

    /** Returns the file added at {@code path}, or throws ENOENT naming the files there are. */
    public VirtualFile file(String path) {
        VirtualFile file = files.get(path);
        if (file == null) {
            throw new HotplugException(Errno.ENOENT, path + " does not exist; files: " + files.keySet());
        }
        return file;
    }

    /** Returns the paths of the added files, sorted. */
    public List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    /** Returns the log lines with timestamps, in order. */
    public List<String> dmesg() {
        synchronized (dmesg) {
            return List.copyOf(dmesg);
        }
    }

    /** Returns the log messages without timestamps, in order. */
    public List<String> messages() {
        return dmesg().stream().map(line -> line.substring(line.indexOf("] ") + 2)).toList();
    }
}
