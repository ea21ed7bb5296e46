package org.hotplugemu.arch.x86.fault;

import org.hotplugemu.api.kernel.VirtualFiles;
import org.hotplugemu.arch.x86.apic.DeliveryMode;
import org.hotplugemu.arch.x86.apic.Icr;
import org.hotplugemu.arch.x86.apic.IpiFilter;

/**
 * The faults a scenario can inject into the x86 backend, each a file under
 * {@code /sys/kernel/debug/x86/} taking a CPU number or {@code -1} (see {@link FaultSwitch}):
 * <ul>
 * <li>{@code fail_sipi_lost} (one-shot, for one bringup): every start-up IPI to the CPU is lost
 *     during its next bringup. The CPU stays in wait-for-SIPI, the kernel sees no delivery error and
 *     the core gives up waiting for it to report alive (EIO after 10 s).</li>
 * <li>{@code fail_esr_error} (one-shot, for one bringup): the next start-up IPI to the CPU is not
 *     accepted; the sender's ESR shows a send accept error (0x4), the kernel logs
 *     {@code APIC delivery error (4)} and the bringup fails with EIO at once.</li>
 * <li>{@code fail_never_alive} (one-shot): the CPU starts but halts before reporting alive, like an
 *     AP stuck in early init; the core gives up after 10 s (EIO) and the CPU is offline again.</li>
 * <li>{@code fail_vector_exhaustion} (persistent): taking the CPU down fails in
 *     {@code native_cpu_disable} with ENOSPC, as when the remaining CPUs cannot take over its
 *     interrupt vectors; the CPU stays online.</li>
 * </ul>
 *
 * <p>Experimental.
 */
public final class X86Faults implements IpiFilter {
    public static final String DIRECTORY = "/sys/kernel/debug/x86/";

    private final FaultSwitch sipiLost;
    private final FaultSwitch esrError;
    private final FaultSwitch neverAlive;
    private final FaultSwitch vectorExhaustion;

    public X86Faults(int cpus) {
        this.sipiLost = new FaultSwitch("fail_sipi_lost", true, cpus);
        this.esrError = new FaultSwitch("fail_esr_error", true, cpus);
        this.neverAlive = new FaultSwitch("fail_never_alive", true, cpus);
        this.vectorExhaustion = new FaultSwitch("fail_vector_exhaustion", false, cpus);
    }

    /** Adds the fault files under {@link #DIRECTORY}. */
    public void register(VirtualFiles files) {
        for (FaultSwitch fault : java.util.List.of(sipiLost, esrError, neverAlive, vectorExhaustion)) {
            files.add(DIRECTORY + fault.name(), fault.file());
        }
    }

    public FaultSwitch sipiLost() {
        return sipiLost;
    }

    public FaultSwitch esrError() {
        return esrError;
    }

    public FaultSwitch neverAlive() {
        return neverAlive;
    }

    public FaultSwitch vectorExhaustion() {
        return vectorExhaustion;
    }

    @Override
    public Verdict check(int targetCpu, Icr icr) {
        if (icr.deliveryMode() != DeliveryMode.STARTUP) {
            return Verdict.DELIVER;
        }
        if (esrError.armedFor(targetCpu)) {
            return Verdict.REJECT;
        }
        if (sipiLost.armedFor(targetCpu)) {
            return Verdict.DROP;
        }
        return Verdict.DELIVER;
    }

    /** Called when a bringup's wakeup protocol is over: the faults scoped to one bringup have had their effect. */
    public void bringupDone(int cpu) {
        sipiLost.fire(cpu);
        esrError.fire(cpu);
    }
}
