package org.hotplugemu.arch.spi;

import static java.util.Objects.requireNonNull;

/**
 * The machine the user asked for: how many logical CPUs, SMT threads per core, and the kernel
 * command line.
 *
 * <p>Stable since 0.1.
 */
public record MachineConfig(int cpus, int threadsPerCore, KernelCommandLine commandLine) {
    /** NR_CPUS of the reference x86 kernel: the most CPUs an emulated machine may have. */
    public static final int MAX_CPUS = 8192;

    public MachineConfig {
        requireNonNull(commandLine, "commandLine is null");
        if (cpus < 1 || cpus > MAX_CPUS) {
            throw new HotplugException(Errno.EINVAL, "--cpus " + cpus + " is out of range: use 1 to " + MAX_CPUS);
        }
        if (threadsPerCore < 1 || threadsPerCore > 8) {
            throw new HotplugException(Errno.EINVAL, "--smt " + threadsPerCore + " is out of range: use 1 to 8 threads per core");
        }
        if (cpus % threadsPerCore != 0) {
            throw new HotplugException(Errno.EINVAL, "--cpus " + cpus + " is not a multiple of --smt " + threadsPerCore);
        }
    }
}
