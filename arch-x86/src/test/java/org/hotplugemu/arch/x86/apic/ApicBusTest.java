package org.hotplugemu.arch.x86.apic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.arch.spi.KernelCommandLine;
import org.hotplugemu.arch.spi.MachineConfig;
import org.hotplugemu.core.testing.TestingTracer;
import org.hotplugemu.arch.x86.topology.X86Topology;
import org.junit.jupiter.api.Test;

class ApicBusTest {
    private final TestingTracer tracer = new TestingTracer();
    private final List<String> started = new ArrayList<>();
    private IpiFilter.Verdict verdict = IpiFilter.Verdict.DELIVER;
    private final ApicBus bus = new ApicBus(new X86Topology(new MachineConfig(4, 1, KernelCommandLine.empty())).cpus(),
            (cpu, icr) -> verdict, (apic, start, generation) -> started.add("cpu" + apic.cpu() + "@0x" + Long.toHexString(start)),
            new ApicTracepoints(tracer));
    private final LocalApic boot = bus.apicOfCpu(0);

    private void initSipiSipi(long apicId) {
        bus.send(boot, Icr.initAssert(apicId, false));
        bus.send(boot, Icr.initDeassert(apicId, false));
        bus.send(boot, Icr.startup(apicId, 0x9a, false));
        bus.send(boot, Icr.startup(apicId, 0x9a, false));
    }

    @Test
    void initSipiSipiStartsTheTargetExactlyOnce() {
        initSipiSipi(2);

        assertThat(started).containsExactly("cpu2@0x9a000");
        assertThat(tracer.emitted("apic_sipi_accepted")).hasSize(1);
        assertThat(tracer.emitted("apic_ipi_ignored")).hasSize(1);
        assertThat(tracer.emitted("apic_icr_write")).hasSize(4);
        assertThat(boot.icrBusy()).isFalse();
    }

    @Test
    void sipiWithoutInitToARunningCpuIsIgnored() {
        initSipiSipi(2);
        bus.send(boot, Icr.startup(2, 0x9a, false));

        assertThat(started).hasSize(1);
    }

    @Test
    void initResetsARunningCpuSoThatTheNextSipiRestartsIt() {
        initSipiSipi(2);
        initSipiSipi(2);

        assertThat(started).containsExactly("cpu2@0x9a000", "cpu2@0x9a000");
        assertThat(tracer.emitted("apic_init_reset")).containsExactly(
                "apic_init_reset: cpu: 2 apicid: 0x2 was: WAIT_FOR_SIPI", "apic_init_reset: cpu: 2 apicid: 0x2 was: RUNNING");
    }

    @Test
    void ipiToAMissingApicIsASendAcceptError() {
        bus.send(boot, Icr.startup(0x40, 0x9a, false));
        boot.writeEsr();

        assertThat(boot.readEsr()).isEqualTo(LocalApic.ESR_SEND_ACCEPT);
        assertThat(tracer.emitted("apic_delivery_error")).containsExactly("apic_delivery_error: dest: 0x40 esr: 0x4");
    }

    @Test
    void droppedSipiLeavesTheTargetWaitingWithoutAnError() {
        verdict = IpiFilter.Verdict.DROP;
        initSipiSipi(1);
        boot.writeEsr();

        assertThat(started).isEmpty();
        assertThat(bus.apicOfCpu(1).state()).isEqualTo(ApState.WAIT_FOR_SIPI);
        assertThat(boot.readEsr()).isZero();
    }

    @Test
    void rejectedSipiIsReportedInTheSendersEsr() {
        verdict = IpiFilter.Verdict.REJECT;
        bus.send(boot, Icr.startup(1, 0x9a, false));
        boot.writeEsr();

        assertThat(started).isEmpty();
        assertThat(boot.readEsr()).isEqualTo(LocalApic.ESR_SEND_ACCEPT);
    }
}
