package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.CpuSet;

/**
 * Read access to the kernel's CPU masks for a backend: each call returns an immutable snapshot of
 * that mask at the time of the call (two calls may see different states when CPUs come and go
 * between them). Nothing here changes a mask; the core alone does, as the kernel's generic code does.
 *
 * <p>The masks exist once the machine is built: reading them from
 * {@code ArchitectureProvider.create} fails with {@link IllegalStateException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CpuMasks {
    /** {@code cpu_possible_mask}: every CPU the machine could ever have. */
    CpuSet possible();

    /** {@code cpu_present_mask}: the CPUs plugged in. */
    CpuSet present();

    /** {@code cpu_online_mask}: the CPUs running kernel code and taking interrupts. */
    CpuSet online();

    /** {@code cpu_active_mask}: the online CPUs the scheduler may place tasks on. */
    CpuSet active();
}
