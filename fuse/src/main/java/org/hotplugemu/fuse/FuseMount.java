package org.hotplugemu.fuse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

/**
 * A {@link MachineTree} mounted over FUSE (libfuse 2 through jnr-fuse) at a directory, served by a
 * pool of libfuse threads until {@link #close()}, an external {@code umount}, or JVM shutdown
 * (SIGINT, SIGTERM), each of which unmounts it.
 *
 * <p>Experimental.
 */
public final class FuseMount implements AutoCloseable {
    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UNMOUNT_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;
    private final CompletableFuture<Void> served = new CompletableFuture<>();
    private final Object unmountLock = new Object();

    private FuseMount(Path directory) {
        this.directory = directory;
    }

    /**
     * Mounts {@code tree} at {@code directory} and returns once the kernel serves it.
     *
     * @throws HotplugException ENOENT or ENOTDIR for a bad directory, ENODEV without FUSE, EIO when the mount fails
     */
    public static FuseMount mount(MachineTree tree, Path directory) {
        requireNonNull(tree, "tree is null");
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new HotplugException(Errno.ENOENT, "mount point " + dir + " does not exist; create it first");
        }
        if (!Files.isDirectory(dir)) {
            throw new HotplugException(Errno.ENOTDIR, "mount point " + dir + " is not a directory");
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new HotplugException(Errno.ENODEV, "/dev/fuse is missing: load the fuse module (modprobe fuse)");
        }
        SysfsFuseFs fs;
        try {
            fs = new SysfsFuseFs(tree);
        } catch (LinkageError | RuntimeException e) {
            throw new HotplugException(Errno.ENOENT, "cannot load libfuse.so.2 (" + e.getMessage()
                    + "); install it, e.g. apt-get install libfuse2");
        }
        FuseMount mount = new FuseMount(dir);
        fs.onUnmount(mount::unmount);
        Thread loop = new Thread(() -> mount.serve(fs), "fuse-" + dir.getFileName());
        loop.setDaemon(true);
        loop.start();
        mount.awaitInit(fs);
        return mount;
    }

    private void serve(SysfsFuseFs fs) {
        try {
            fs.mount(directory, true, false, options());
            served.complete(null);
        } catch (RuntimeException e) {
            served.completeExceptionally(e);
        }
    }

    /** Kernel options: no caching anywhere, since every read must call the machine's show. */
    private static String[] options() {
        List<String> options = new ArrayList<>(List.of("fsname=hotplug-emu", "subtype=hotplug-emu", "direct_io",
                "attr_timeout=0", "entry_timeout=0", "negative_timeout=0", "default_permissions"));
        if ("root".equals(System.getProperty("user.name"))) {
            options.add("allow_other");
        }
        return new String[] {"-o", String.join(",", options)};
    }

    private void awaitInit(SysfsFuseFs fs) {
        long deadline = System.nanoTime() + MOUNT_TIMEOUT.toNanos();
        try {
            while (!fs.initialised().await(50, TimeUnit.MILLISECONDS)) {
                if (served.isDone() || System.nanoTime() > deadline) {
                    throw new HotplugException(Errno.EIO, "cannot mount FUSE at " + directory + failure()
                            + "; are you root, and is the directory empty and not already mounted?");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HotplugException(Errno.ECANCELED, "interrupted while mounting " + directory);
        }
    }

    private String failure() {
        if (!served.isCompletedExceptionally()) {
            return "";
        }
        try {
            served.get();
            return "";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return " (" + cause.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    public Path directory() {
        return directory;
    }

    /** Returns whether the file system is still served. */
    public boolean mounted() {
        return !served.isDone();
    }

    /** Waits until the mount goes away (unmounted here, from outside, or at shutdown). */
    public void awaitUnmounted() throws InterruptedException {
        try {
            served.get();
        } catch (ExecutionException e) {
            // The loop failed after mounting; it is gone either way.
        }
    }

    /** Unmounts (idempotent) and waits for libfuse to stop serving. */
    public void unmount() {
        synchronized (unmountLock) {
            if (served.isDone()) {
                return;
            }
            // Root unmounts directly; fusermount for other users; lazily when a process still has files open.
            if (!run("umount", directory.toString()) && !run("fusermount", "-u", directory.toString())) {
                run("umount", "-l", directory.toString());
            }
            try {
                served.get(UNMOUNT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Lazily detached: libfuse stops when the last user closes its files.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        unmount();
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
