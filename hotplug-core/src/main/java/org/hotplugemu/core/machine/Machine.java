package org.hotplugemu.core.machine;

import java.time.Duration;
import java.util.List;
import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.tracing.Tracing;

/**
 * An assembled emulated machine: an architecture backend, a state-table profile, drivers, an
 * engine, and the virtual files a kernel offers. Every method is called from ordinary (non-emulated)
 * Java code such as the shell; each runs its work on emulated threads and returns when it is done.
 *
 * <p>Errors are {@link org.hotplugemu.api.kernel.HotplugException}s with the errno the kernel's
 * system call would return (ENOENT for a missing file, EACCES for a read-only one, EINVAL, EBUSY...).
 * A failed operation leaves every CPU in a consistent state.
 *
 * <p>Experimental: the facade tools and tests build on; it may still grow.
 */
public interface Machine extends AutoCloseable {
    /** Returns the architecture's name, e.g. {@code x86}. */
    String architecture();

    Profile profile();

    /** Returns {@code sim} or {@code threads}. */
    String engineName();

    long seed();

    /** Returns the number of possible CPUs. */
    int cpus();

    /**
     * Boots: registers the drivers on the boot CPU, then brings up the secondary CPUs the command
     * line allows ({@code maxcpus=}, {@code nosmt}), serially or in parallel.
     */
    void boot();

    boolean booted();

    /** Reads a file as {@code cat} would, e.g. {@code /sys/devices/system/cpu/cpu1/online}. */
    String read(String path);

    /** Writes {@code value} to a file as {@code echo value > path} would (the newline is the caller's). */
    void write(String path, String value);

    /** Returns the entries of a directory in sorted order; subdirectories end with {@code /}. */
    List<String> list(String directory);

    boolean exists(String path);

    boolean isDirectory(String path);

    /** Returns whether {@code path} is a file that accepts writes (mode {@code 0644} rather than {@code 0444}). */
    boolean writable(String path);

    /** Returns the kernel log, one line per entry, formatted {@code [%5lu.%06lu] message}. */
    default List<String> dmesg() {
        return kernelLog().stream().map(KernelLogEntry::format).toList();
    }

    /** Returns the kernel log with each line's time and level, oldest first, since the last {@link #clearKernelLog()}. */
    List<KernelLogEntry> kernelLog();

    /** Empties the kernel log, as {@code dmesg -C} does. */
    void clearKernelLog();

    /**
     * Lets {@code duration} of engine time pass with the machine idle (timers fire, threads run);
     * inside {@link #execute} the calling thread sleeps that long ({@code msleep}).
     */
    void sleep(Duration duration);

    /** Returns the engine clock in nanoseconds since boot. */
    long nanoTime();

    /** Returns the tracing instance behind {@code /sys/kernel/tracing}. */
    Tracing tracing();

    /**
     * Returns system device hot-plug: CPUs arriving and leaving at run time, requests, uevents.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EOPNOTSUPP when this machine has none
     */
    default org.hotplugemu.core.sysdev.SystemDevices systemDevices() {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP, "this machine has no system device hot-plug");
    }

    /**
     * Runs {@code body} on a new emulated thread named {@code threadName} bound to {@code cpu} and
     * returns its result when it ends, for tests and tools that must call emulated-thread-only API
     * (engine primitives, {@code CpuHotplug}). Inside {@code body} this machine's file operations,
     * {@link #sleep} and its {@link HotplugControl} CPU operations run on that same thread, as the
     * builtins of one shell process or the loop of the kernel's {@code torture_onoff} thread do:
     * one process doing many writes, without a new thread per write. Experimental since 0.2.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EOPNOTSUPP when this machine has no engine
     */
    default <T> T execute(String threadName, int cpu, java.util.concurrent.Callable<T> body) {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP, "this machine runs no emulated threads");
    }

    /**
     * Runs {@code body} as one shell process: on a new {@code sh} thread on the first online CPU, or,
     * called inside {@link #execute}, on the calling thread. The reads and writes in {@code body}
     * then cost one thread between them instead of one each, as a script's {@code cat} and
     * {@code echo} builtins do; a checker that reads dozens of files between operations wants this.
     * Experimental since 0.2.
     *
     * @throws org.hotplugemu.api.kernel.HotplugException EOPNOTSUPP when this machine has no engine
     */
    default <T> T shell(java.util.concurrent.Callable<T> body) {
        throw new org.hotplugemu.api.kernel.HotplugException(org.hotplugemu.api.kernel.Errno.EOPNOTSUPP, "this machine runs no emulated threads");
    }

    /** Direct calls into the state machine, for tests and tools. */
    HotplugControl control();

    /** Stops every emulated thread. */
    @Override
    void close();
}
