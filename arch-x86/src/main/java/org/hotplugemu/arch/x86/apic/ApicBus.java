package org.hotplugemu.arch.x86.apic;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.arch.spi.CpuTopology;

/**
 * The wires between the emulated local APICs: delivers the IPI a sender writes to its ICR to the
 * APIC with the destination id, applying the hardware rules of {@link LocalApic}, the injected
 * faults of an {@link IpiFilter}, and telling a {@link StartupHandler} when a CPU starts executing.
 *
 * <p>Only physical destinations without shorthand are modelled (all the bringup code uses). An IPI
 * to an id no APIC has is not accepted: the sender's ESR records a send accept error. Experimental.
 */
public final class ApicBus {
    /** Told when a start-up IPI was accepted: the CPU now runs from {@code startAddress}. */
    @FunctionalInterface
    public interface StartupHandler {
        void started(LocalApic target, long startAddress, int generation);
    }

    private final List<LocalApic> byCpu;
    private final Map<Long, LocalApic> byApicId = new HashMap<>();
    private final IpiFilter filter;
    private final StartupHandler startupHandler;
    private final ApicTracepoints trace;

    /** Creates one APIC per CPU of {@code topology}; CPU 0 is the running boot CPU. */
    public ApicBus(List<CpuTopology> topology, IpiFilter filter, StartupHandler startupHandler, ApicTracepoints trace) {
        requireNonNull(topology, "topology is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.startupHandler = requireNonNull(startupHandler, "startupHandler is null");
        this.trace = requireNonNull(trace, "trace is null");
        this.byCpu = topology.stream().map(cpu -> new LocalApic(cpu.cpu(), cpu.hardwareId(), cpu.cpu() == 0)).toList();
        for (LocalApic apic : byCpu) {
            byApicId.put(apic.apicId(), apic);
        }
    }

    public LocalApic apicOfCpu(int cpu) {
        return byCpu.get(cpu);
    }

    /** Returns every APIC in CPU order. */
    public List<LocalApic> apics() {
        return byCpu;
    }

    /** {@code apic_icr_write} by {@code source}: delivers the IPI at once and clears the delivery status. */
    public void send(LocalApic source, Icr icr) {
        requireNonNull(source, "source is null");
        requireNonNull(icr, "icr is null");
        source.writeIcr(icr);
        trace.icrWrite(icr);
        try {
            LocalApic target = icr.shorthand() == 0 ? byApicId.get(icr.destination()) : null;
            if (target == null) {
                reject(source, icr);
                return;
            }
            switch (filter.check(target.cpu(), icr)) {
                case DROP -> trace.ipiIgnored(target.apicId(), icr, "lost");
                case REJECT -> reject(source, icr);
                case DELIVER -> deliver(target, icr);
            }
        }
        finally {
            source.deliveryDone();
        }
    }

    private void reject(LocalApic source, Icr icr) {
        source.recordError(LocalApic.ESR_SEND_ACCEPT);
        trace.deliveryError(icr.destination(), LocalApic.ESR_SEND_ACCEPT);
    }

    private void deliver(LocalApic target, Icr icr) {
        switch (icr.deliveryMode()) {
            case INIT -> {
                if (icr.levelTriggered() && !icr.levelAssert()) {
                    // INIT level de-assert only synchronises arbitration ids; P6 and later ignore it.
                    return;
                }
                ApState previous = target.receiveInit();
                trace.initReset(target, previous);
            }
            case STARTUP -> {
                int generation = target.generation();
                if (target.receiveStartup(icr.vector())) {
                    long start = target.startAddress();
                    trace.sipiAccepted(target, start);
                    startupHandler.started(target, start, generation);
                }
                else {
                    trace.ipiIgnored(target.apicId(), icr, "not in wait-for-SIPI (" + target.state().name() + ")");
                }
            }
            default -> trace.ipiIgnored(target.apicId(), icr, "delivery mode not modelled");
        }
    }
}
