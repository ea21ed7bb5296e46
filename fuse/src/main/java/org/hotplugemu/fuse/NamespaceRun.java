package org.hotplugemu.fuse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * Runs a command in a private mount namespace ({@code unshare --mount --propagation private})
 * where {@code /sys/devices/system/cpu}, {@code /proc/cpuinfo}, {@code /sys/kernel/tracing} and
 * {@code /sys/kernel/debug} are bind mounts of a machine's FUSE tree. Before the command runs, a
 * script checks that the FUSE root is the emulator's and that each bound path has the device and
 * inode of the emulator's file; if any check fails the command does not run. The host's files are
 * never written: the binds exist only in the namespace and vanish with it. The command sees the
 * tree's root in {@code HOTPLUG_EMU_ROOT} (for {@code $HOTPLUG_EMU_ROOT/var/log/dmesg}).
 *
 * <p>Experimental.
 */
public final class NamespaceRun {
    /** The paths the namespace takes from the emulator (the {@code /sys/kernel} ones when the host has them). */
    public static final List<String> BOUND = List.of("/sys/devices/system/cpu", "/proc/cpuinfo", "/sys/kernel/tracing",
            "/sys/kernel/debug");

    private final MachineTree tree;

    public NamespaceRun(MachineTree tree) {
        this.tree = requireNonNull(tree, "tree is null");
    }

    /**
     * Mounts the tree, runs {@code command} in the namespace with the given output (null: inherited
     * from this process, as is stdin), unmounts, and returns the command's exit status.
     *
     * @throws HotplugException when the mount or the namespace cannot be set up, or a check refused the command
     */
    public int run(List<String> command, OutputStream out, OutputStream err) {
        if (command.isEmpty()) {
            throw new HotplugException(Errno.EINVAL, "no command to run");
        }
        Path work = createWorkDirectory();
        Path root = work.resolve("root");
        Path marker = work.resolve("checked");
        try (FuseMount mount = FuseMount.mount(tree, root)) {
            List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
                    "/bin/sh", "-c", script(), "hotplug-emu-nsrun", mount.directory().toString(), marker.toString()));
            argv.addAll(command);
            int status = execute(argv, out, err);
            if (!Files.exists(marker)) {
                throw new HotplugException(Errno.EPERM, "the namespace was not set up (status " + status + "), so "
                        + command.get(0) + " did not run");
            }
            return status;
        } finally {
            deleteQuietly(marker);
            deleteQuietly(root);
            deleteQuietly(work);
        }
    }

    private static int execute(List<String> argv, OutputStream out, OutputStream err) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (out == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HotplugException(Errno.ENOENT, "cannot run unshare (util-linux): " + e.getMessage());
        }
        List<Thread> pumps = new ArrayList<>();
        if (out != null) {
            pumps.add(pump(process.getInputStream(), out));
            pumps.add(pump(process.getErrorStream(), err));
        }
        try {
            int status = process.waitFor();
            for (Thread pump : pumps) {
                pump.join();
            }
            return status;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new HotplugException(Errno.ECANCELED, "interrupted while " + argv.get(argv.size() - 1) + " ran");
        }
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
                to.flush();
            } catch (IOException e) {
                // The command's output is gone with it; nothing to recover.
            }
        }, "nsrun-output");
        thread.start();
        return thread;
    }

    private static String script() {
        try (InputStream in = NamespaceRun.class.getResourceAsStream("nsrun.sh")) {
            return new String(requireNonNull(in, "nsrun.sh is missing from the jar").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createWorkDirectory() {
        try {
            Path work = Files.createTempDirectory("hotplug-emu-nsrun-");
            Files.createDirectory(work.resolve("root"));
            return work;
        } catch (IOException e) {
            throw new HotplugException(Errno.EIO, "cannot create a mount point in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A mount point still busy is left for the next reboot's /tmp cleaning.
        }
    }
}
