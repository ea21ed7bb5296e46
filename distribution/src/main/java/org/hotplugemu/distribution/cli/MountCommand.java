package org.hotplugemu.distribution.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.distribution.wiring.EmulatorAssembly;
import org.hotplugemu.distribution.wiring.StartupException;
import org.hotplugemu.fuse.FuseMount;
import org.hotplugemu.fuse.MachineTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mount DIR}: boots the machine and serves its files under DIR over FUSE until unmounted or interrupted. */
@Command(name = "mount", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Boot the machine and serve its files under DIR over FUSE: DIR/sys/devices/system/cpu,"
                + " DIR/sys/kernel/tracing, DIR/sys/kernel/debug, DIR/proc/cpuinfo and the kernel log DIR/var/log/dmesg.",
            "Runs until DIR is unmounted (umount DIR) or the emulator gets SIGINT or SIGTERM; both unmount cleanly. Needs root and FUSE."})
final class MountCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "An existing, empty directory to mount on.")
    Path directory;

    MountCommand(Streams streams) {
        super(streams);
    }

    @Override
    public Integer call() throws InterruptedException {
        checkDirectory(directory);
        EmulatorAssembly assembly = Startup.assemble(machine, plugins, output, streams);
        try (Machine booted = Startup.boot(assembly, machine.cpus, streams)) {
            FuseMount mount = mountOrReport(booted, directory);
            CountDownLatch finished = new CountDownLatch(1);
            // On SIGINT/SIGTERM: unmount, then give the main thread time to write the trace.
            Thread hook = new Thread(() -> {
                mount.unmount();
                awaitQuietly(finished);
            }, "hotplug-emu-unmount");
            Runtime.getRuntime().addShutdownHook(hook);
            streams.err().println("hotplug-emu: " + booted.architecture() + " machine with " + booted.cpus() + " CPUs mounted at "
                    + mount.directory() + "; umount it or press Ctrl-C to stop");
            try {
                mount.awaitUnmounted();
                assembly.traceOutput().writeFrom(booted);
            } finally {
                finished.countDown();
                removeQuietly(hook);
            }
        }
        return 0;
    }

    /** Checked before booting, so that a bad DIR costs nothing (exit status 2). */
    static void checkDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new StartupException(List.of("mount point " + directory + (Files.exists(directory) ? " is not a directory"
                    : " does not exist; create it first")));
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new StartupException(List.of("/dev/fuse is missing: load the fuse module (modprobe fuse)"));
        }
    }

    static FuseMount mountOrReport(Machine booted, Path directory) {
        try {
            return FuseMount.mount(new MachineTree(booted), directory);
        } catch (HotplugException e) {
            throw new StartupException(List.of(e.getMessage()));
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and waits for us.
        }
    }
}
