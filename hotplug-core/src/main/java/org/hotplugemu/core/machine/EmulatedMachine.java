package org.hotplugemu.core.machine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.driver.DriverHost;
import org.hotplugemu.core.driver.ResourceLedger;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.profile.BootPhase;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.state.CpuHotplugApi;
import org.hotplugemu.core.state.Cpuhp;
import org.hotplugemu.core.state.Hotplug;
import org.hotplugemu.core.state.Suspend;
import org.hotplugemu.core.sysdev.SystemDevices;
import org.hotplugemu.core.sysfs.CpuSysfs;
import org.hotplugemu.core.sysfs.KernelParse;
import org.hotplugemu.core.sysfs.VirtualFs;
import org.hotplugemu.tracing.Tracing;

/**
 * The machine behind {@link MachineBuilder}. Its injector ({@link MachineInjector}) builds the engine,
 * architecture, state machine, drivers and files; this class installs the files and runs the boot.
 */
final class EmulatedMachine implements Machine, HotplugControl {
    /** Kernel parameters the core reads; anything nobody reads is reported like the kernel does. */
    private static final Set<String> CORE_PARAMETERS = Set.of("cpuhp.parallel", "nosmt", "maxcpus", "trace_event",
            "cpuhp.state_control", "emu.callback_cost_ns", "emu.trace_offline_cpus", "emu.hung_task_timeout_secs",
            "emu.time_scale", "emu.softlockup_thresh_secs", "emu.livelock_switches", "emu.sched", "emu.sched_window_us",
            "emu.lockdep",
            // Accepted as the reference kernels accept them (their captures boot with the last two).
            "console", "panic", "loglevel", "trace_buf_size", "trace_clock");

    private final Engine engine;
    private final KernelLogBuffer log;
    private final Tracing tracing;
    private final BootTaskContext taskContext;
    private final VirtualFs fs;
    private final Architecture arch;
    private final Profile profile;
    private final KernelCommandLine commandLine;
    private final MachineBuilder builder;
    private final Hotplug hotplug;
    private final CpuHotplugApi registration;
    private final Suspend suspend;
    private final ResourceLedger ledger;
    private final DriverHost drivers;
    private final SystemDevices systemDevices;
    private boolean booted;
    /** Set while {@link #boot} runs: callbacks then cost their boot-time figure. */
    private final BootWindow bootWindow;

    EmulatedMachine(MachineBuilder builder, KernelCommandLine commandLine, Engine engine, KernelLogBuffer log, Tracing tracing,
            BootTaskContext taskContext, VirtualFs fs, Architecture arch, Profile profile, Cpuhp cpuhp, ResourceLedger ledger,
            DriverHost drivers, SystemDevices systemDevices, BootWindow bootWindow) {
        this.builder = builder;
        this.commandLine = commandLine;
        this.engine = engine;
        this.log = log;
        this.tracing = tracing;
        this.taskContext = taskContext;
        this.fs = fs;
        this.arch = arch;
        this.profile = profile;
        this.hotplug = cpuhp.hotplug();
        this.registration = cpuhp.api();
        this.suspend = cpuhp.suspend();
        this.ledger = ledger;
        this.drivers = drivers;
        this.systemDevices = systemDevices;
        this.bootWindow = bootWindow;
        // After the drivers exist: trace_event= may name their events.
        commandLine.get("trace_buf_size").ifPresent(size -> tracing.setBufferSizeKb(bufferSizeKb(size)));
        try {
            commandLine.get("trace_event").ifPresent(tracing::enableFromCommandLine);
        } catch (IllegalArgumentException e) {
            throw new HotplugException(Errno.EINVAL, e.getMessage(), e);
        }
        new CpuSysfs(hotplug, arch, commandLine.getBoolean("cpuhp.state_control", false)).install(fs);
        systemDevices.presentAtBoot(builder.presentCpus == 0 ? builder.cpus : builder.presentCpus);
        systemDevices.install(fs);
        drivers.setSystemDevices(systemDevices);
        fs.mount("/sys/kernel/tracing", new TracefsMount(tracing.files()));
        installDebugFiles();
        engine.onHang(() -> CpuStates.describe(hotplug.nrCpus(), this::state, hotplug::restingTarget));
    }

    /** {@code trace_buf_size=}: bytes per CPU with an optional K, M or G suffix ({@code memparse}), as kilobytes. */
    private static int bufferSizeKb(String value) {
        String text = value.trim().toUpperCase(java.util.Locale.ROOT);
        long scale = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String digits = scale == 1 ? text : text.substring(0, text.length() - 1);
        try {
            long bytes = Long.parseLong(digits) * scale;
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / 1024));
        } catch (NumberFormatException e) {
            throw new HotplugException(Errno.EINVAL, "kernel parameter trace_buf_size=" + value + " is not a size (e.g. 8M)");
        }
    }

    static Machine create(MachineBuilder builder) {
        if (builder.architecture == null) {
            throw new HotplugException(Errno.EINVAL, "no architecture: choose one with --arch");
        }
        // The machine's one MachineConfig, checked here once (the CLI lists MachineConfig.problems earlier, with its other startup problems).
        MachineConfig config = new MachineConfig(builder.cpus, builder.threadsPerCore, KernelCommandLine.parse(builder.commandLine));
        KernelCommandLine commandLine = config.commandLine();
        // Checked before anything starts, so that a bad value is a startup problem and not a failed boot.
        commandLine.getLong("maxcpus", 0);
        commandLine.getBoolean("cpuhp.parallel", true);
        return MachineInjector.create(builder, config);
    }

    private void installDebugFiles() {
        String dir = "/sys/kernel/debug/hotplug-emu/";
        fs.add(dir + "freeze_secondary_cpus", VirtualFile.readWrite(() -> "", value -> suspend.freeze(KernelParse.parseInt(value))));
        fs.add(dir + "thaw_secondary_cpus", VirtualFile.readWrite(() -> "", value -> suspend.thaw()));
        fs.add(dir + "pm_wakeup_pending", VirtualFile.readWrite(() -> "", value -> suspend.setWakeupPending(KernelBool.parse(value))));
        // The invariant checker for scripts, e.g. explore's reproducers: one line per violation, empty when all holds.
        fs.add(dir + "invariants", VirtualFile.readOnly(() -> checkInvariants().stream().map(line -> line + "\n").reduce("", String::concat)));
    }

    @Override
    public void boot() {
        if (booted) {
            throw new HotplugException(Errno.EBUSY, "the machine is already booted");
        }
        booted = true;
        bootWindow.set(true);
        BootSequencer sequencer = new BootSequencer(registration, profile, taskContext::idleFlags, slot -> hotplug.stepName(slot) != null);
        try {
            engine.execute("swapper/0", 0, () -> {
                // start_kernel's order: the boot CPU's id, the banner, setup_arch, then the command line.
                arch.smpSetupProcessorId();
                log.notice(profile.banner());
                arch.setupArch(profile.kernelVersion());
                log.notice("Kernel command line: " + commandLine);
                reportUnknownParameters();
                hotplug.initBootCpu(0, profile.bootPlan().bootCpuTargetOnline() ? profile.online() : 0);
                arch.smpPrepareCpus();
                drivers.registerAll(sequencer, engine, log, tracing.tracer(), fs, ledger);
            });
            // start_kernel's own registrations, from the boot context.
            engine.execute(BootTaskContext.IDLE, 0, () -> sequencer.run(BootPhase.EARLY));
            engine.execute("swapper/0", 0, () -> {
                sequencer.run(BootPhase.BEFORE_SMP);
                hotplug.startHotplugThread(0);
                new Boot(hotplug, arch, log, commandLine, builder.bootProgress).bringUpSecondaries();
                sequencer.run(BootPhase.AFTER_SMP);
                sequencer.finish();
            });
        }
        finally {
            bootWindow.set(false);
        }
    }

    private void reportUnknownParameters() {
        Set<String> known = new LinkedHashSet<>(CORE_PARAMETERS);
        known.addAll(arch.kernelParameters());
        List<String> unknown = new ArrayList<>();
        for (String name : commandLine.names()) {
            if (!known.contains(name)) {
                unknown.add(commandLine.get(name).filter(value -> !value.isEmpty()).map(value -> name + "=" + value).orElse(name));
            }
        }
        if (!unknown.isEmpty()) {
            log.notice("Unknown kernel command line parameters \"" + String.join(" ", unknown) + "\", will be passed to user space.");
        }
    }

    @Override
    public boolean booted() {
        return booted;
    }

    private int shellCpu() {
        int cpu = hotplug.masks().online().first();
        return cpu < 0 ? 0 : cpu;
    }

    @Override
    public String read(String path) {
        return asShell(() -> {
            CallChain.enter("vfs_read");
            CallChain.enter("show " + path);
            try {
                return fs.read(path);
            }
            finally {
                CallChain.exit();
                CallChain.exit();
            }
        });
    }

    @Override
    public void write(String path, String value) {
        asShell(() -> {
            CallChain.enter("vfs_write");
            CallChain.enter("store " + path);
            try {
                fs.write(path, value);
            }
            finally {
                CallChain.exit();
                CallChain.exit();
            }
            return null;
        });
    }

    @Override
    public <T> T shell(java.util.concurrent.Callable<T> body) {
        return asShell(body);
    }

    /**
     * Runs {@code body} as a shell process would: from outside the engine on a new {@code sh}
     * thread; from one of its emulated threads (inside {@link #execute}) on that thread, the way a
     * shell runs its {@code echo} builtins in its own process and {@code torture_onoff} its
     * offline/online loop in one kernel thread.
     */
    private <T> T asShell(java.util.concurrent.Callable<T> body) {
        if (!engine.onEngineThread()) {
            return engine.execute("sh", shellCpu(), body);
        }
        try {
            return body.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void asShell(Runnable body) {
        asShell(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public List<String> list(String directory) {
        return fs.list(directory);
    }

    @Override
    public boolean exists(String path) {
        return fs.exists(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return fs.isDirectory(path);
    }

    @Override
    public boolean writable(String path) {
        return fs.writable(path);
    }

    @Override
    public List<String> dmesg() {
        return log.lines();
    }

    @Override
    public List<KernelLogEntry> kernelLog() {
        return log.entries();
    }

    @Override
    public void clearKernelLog() {
        log.clear();
    }

    @Override
    public void sleep(Duration duration) {
        if (engine.onEngineThread()) {
            engine.sleep(duration); // msleep of the calling thread: timers fire and others run meanwhile
            return;
        }
        engine.advance(duration);
    }

    @Override
    public long nanoTime() {
        return engine.nanoTime();
    }

    @Override
    public Tracing tracing() {
        return tracing;
    }

    @Override
    public SystemDevices systemDevices() {
        return systemDevices;
    }

    @Override
    public HotplugControl control() {
        return this;
    }

    @Override
    public String architecture() {
        return arch.name();
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public String engineName() {
        return engine.engineName();
    }

    @Override
    public long seed() {
        return engine.seed();
    }

    @Override
    public int cpus() {
        return hotplug.nrCpus();
    }

    @Override
    public void cpuUp(int cpu, int target) {
        asShell(() -> hotplug.cpuUp(cpu, target));
    }

    @Override
    public void cpuDown(int cpu, int target) {
        asShell(() -> hotplug.cpuDown(cpu, target));
    }

    @Override
    public int state(int cpu) {
        return hotplug.state(cpu);
    }

    @Override
    public int target(int cpu) {
        return hotplug.target(cpu);
    }

    @Override
    public void freezeSecondaryCpus(int primary) {
        asShell(() -> suspend.freeze(primary));
    }

    @Override
    public void thawSecondaryCpus() {
        asShell(suspend::thaw);
    }

    @Override
    public void loadDriver(org.hotplugemu.api.driver.HotplugDriver driver) {
        try {
            engine.execute("insmod", shellCpu(), () -> drivers.load(driver, registration, engine, log, tracing.tracer(), fs, ledger));
        } catch (RuntimeException e) {
            // A module whose init failed is gone; what it tracked is not held against the CPUs any more.
            ledger.forget(driver.name());
            throw e;
        }
    }

    @Override
    public List<org.hotplugemu.core.driver.Leftover> unloadDriver(String name) {
        List<org.hotplugemu.core.driver.Leftover> leftovers = engine.execute("rmmod", shellCpu(), () -> drivers.unload(name));
        // Its resources went with it: a reload tracks new ones, and the old must not be checked against the CPUs.
        ledger.forget(name);
        return leftovers;
    }

    @Override
    public List<String> checkInvariants() {
        List<String> violations = new ArrayList<>(hotplug.consistencyViolations());
        resourceViolations().forEach(violation -> violations.add(violation.message()));
        return violations;
    }

    @Override
    public List<org.hotplugemu.core.driver.ResourceViolation> resourceViolations() {
        return ledger.violations(hotplug::state, state -> {
            String name = hotplug.stepName(state);
            return name == null ? "unnamed" : name;
        });
    }

    @Override
    public <T> T execute(String threadName, int cpu, java.util.concurrent.Callable<T> body) {
        return engine.execute(threadName, cpu, body);
    }

    @Override
    public void close() {
        engine.close();
    }
}
