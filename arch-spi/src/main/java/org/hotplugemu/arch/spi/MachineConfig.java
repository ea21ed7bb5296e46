package org.hotplugemu.arch.spi;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine the user asked for: how many logical CPUs, SMT threads per core, and the kernel
 * command line.
 */
@API(status = STABLE, since = "0.1")
public record MachineConfig(int cpus, int threadsPerCore, KernelCommandLine commandLine) {
    /** NR_CPUS of the reference x86 kernel: the most CPUs an emulated machine may have. */
    public static final int MAX_CPUS = 8192;

    public MachineConfig {
        requireNonNull(commandLine, "commandLine is null");
        List<String> problems = problems(cpus, threadsPerCore);
        if (!problems.isEmpty()) {
            throw new HotplugException(Errno.EINVAL, String.join("; ", problems));
        }
    }

    /** Returns every reason why {@code cpus} and {@code threadsPerCore} make no machine, one line each; empty when they do. */
    public static List<String> problems(int cpus, int threadsPerCore) {
        List<String> problems = new ArrayList<>();
        boolean cpusInRange = cpus >= 1 && cpus <= MAX_CPUS;
        boolean smtInRange = threadsPerCore >= 1 && threadsPerCore <= 8;
        if (!cpusInRange) {
            problems.add("--cpus " + cpus + " is out of range: use 1 to " + MAX_CPUS);
        }
        if (!smtInRange) {
            problems.add("--smt " + threadsPerCore + " is out of range: use 1 to 8 threads per core");
        }
        if (cpusInRange && smtInRange && cpus % threadsPerCore != 0) {
            problems.add("--cpus " + cpus + " is not a multiple of --smt " + threadsPerCore);
        }
        return problems;
    }
}
