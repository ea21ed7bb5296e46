package org.hotplugemu.arch.x86.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Errno;
import org.hotplugemu.arch.spi.HotplugException;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.KernelLog;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.arch.spi.VirtualFile;
import org.hotplugemu.arch.spi.VirtualFiles;
import org.hotplugemu.arch.spi.sched.Scheduler;
import org.hotplugemu.tracing.Tracer;

/** An {@link ArchContext} for unit tests, built on {@link TestingScheduler}, with a plain log and file table. */
public final class TestingArchContext implements ArchContext {
    private final MachineConfig config;
    private final Scheduler scheduler;
    private final TestingTracer tracer = new TestingTracer();
    private final List<String> messages = new ArrayList<>();
    private final Map<String, VirtualFile> files = new TreeMap<>();

    public TestingArchContext(int cpus, int threadsPerCore, String commandLine, Scheduler scheduler) {
        this.config = new MachineConfig(cpus, threadsPerCore, KernelCommandLine.parse(commandLine));
        this.scheduler = scheduler;
    }

    public TestingArchContext(int cpus, int threadsPerCore, String commandLine) {
        this(cpus, threadsPerCore, commandLine, new TestingScheduler());
    }

    public TestingArchContext(int cpus) {
        this(cpus, 1, "");
    }

    @Override
    public MachineConfig config() {
        return config;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Returns the scheduler as the single-threaded {@link TestingScheduler} it is unless an engine was given. */
    public TestingScheduler testingScheduler() {
        return (TestingScheduler) scheduler;
    }

    @Override
    public KernelLog log() {
        return (level, message) -> messages.add(message);
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

    /** Returns the logged messages, without timestamps, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    public VirtualFile file(String path) {
        VirtualFile file = files.get(path);
        if (file == null) {
            throw new HotplugException(Errno.ENOENT, path + " does not exist; files: " + files.keySet());
        }
        return file;
    }
}
