package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugemu.api.driver.DriverContext;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.x86.X86ArchitectureProvider;
import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.core.machine.Machine;
import org.hotplugemu.core.machine.MachineBuilder;
import org.hotplugemu.drivers.load.LoadDriver;
import org.hotplugemu.drivers.workqueue.WorkqueueDriver;
import org.hotplugemu.drivers.workqueue.WorkqueueDriverProvider;
import org.hotplugemu.drivers.workqueue.Workqueues;
import org.junit.jupiter.api.Test;

/**
 * Two machines built in one JVM from one list of driver providers (the stock ones found with
 * ServiceLoader, plus a probe) share no driver object, no service and no driver state.
 */
class TwoMachinesShareNothingTest {
    private final Probes probes = new Probes();

    private Machine boot(MachineBuilder builder) {
        Machine machine = builder.build();
        machine.boot();
        return machine;
    }

    private MachineBuilder builder() {
        List<HotplugDriverProvider> providers = new ArrayList<>(Machines.stockProviders());
        providers.add(probes);
        return new MachineBuilder().architecture(new X86ArchitectureProvider()).cpus(4).seed(1)
                .commandLine("emu.callback_cost_ns=1000").driverProviders(providers);
    }

    @Test
    void theLoadWrittenToOneMachineRunsOnThatMachineOnly() {
        MachineBuilder builder = builder();
        try (Machine a = boot(builder); Machine b = boot(builder)) {
            a.write(LoadDriver.DEBUGFS, "7 100\n");
            a.sleep(Duration.ofMillis(20));
            b.sleep(Duration.ofMillis(20));

            assertThat(a.read(LoadDriver.DEBUGFS)).isEqualTo("7\n");
            assertThat(b.read(LoadDriver.DEBUGFS)).isEqualTo("0\n");
            assertThat(counter(a, "queued")).isPositive();
            assertThat(counter(b, "queued")).isZero();
            a.write(LoadDriver.DEBUGFS, "0\n");
        }
    }

    @Test
    void eachMachineGetsItsOwnDriverObjectsAndServices() {
        MachineBuilder builder = builder();
        try (Machine a = boot(builder); Machine b = boot(builder)) {
            assertThat(probes.created).hasSize(2);
            Probe onA = probes.created.get(0);
            Probe onB = probes.created.get(1);
            assertThat(onA).isNotSameAs(onB);
            Workqueues workqueuesOfA = onA.context.services().lookup(Workqueues.class).orElseThrow();
            Workqueues workqueuesOfB = onB.context.services().lookup(Workqueues.class).orElseThrow();
            assertThat(workqueuesOfA).isNotSameAs(workqueuesOfB);
            // One injector per machine: none of the collaborators it builds is shared either.
            assertThat(a.tracing()).isNotSameAs(b.tracing());
            assertThat(a.systemDevices()).isNotSameAs(b.systemDevices());

            onA.context.services().publish(Probe.class, onA);
            assertThat(onA.context.services().lookup(Probe.class)).containsSame(onA);
            assertThat(onB.context.services().lookup(Probe.class)).isEmpty();
        }
    }

    @Test
    void unloadingADriverWithdrawsItsServicesOnItsMachineOnly() {
        MachineBuilder builder = builder();
        try (Machine a = boot(builder); Machine b = boot(builder)) {
            Probe onA = probes.created.get(0);
            Probe onB = probes.created.get(1);

            a.control().unloadDriver(new WorkqueueDriverProvider().name());

            assertThat(onA.context.services().lookup(Workqueues.class)).isEmpty();
            assertThat(onB.context.services().lookup(Workqueues.class)).isPresent();
            a.control().loadDriver(new WorkqueueDriverProvider().create());
            assertThat(onA.context.services().lookup(Workqueues.class)).isPresent();
        }
    }

    @Test
    void aServiceBelongsToTheDriverThatPublishedIt() {
        try (Machine a = boot(builder())) {
            DriverContext probe = probes.created.get(0).context;

            assertThatThrownBy(() -> probe.services().publish(Workqueues.class, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> probe.services().withdraw(Workqueues.class))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM))
                    .hasMessageContaining("driver workqueue published it");
            Workqueues theirs = probe.services().lookup(Workqueues.class).orElseThrow();
            assertThatThrownBy(() -> probe.services().publish(Workqueues.class, theirs))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
            assertThat(probe.services().lookup(Workqueues.class)).containsSame(theirs);
        }
    }

    private static long counter(Machine machine, String name) {
        for (String line : machine.read(WorkqueueDriver.DEBUGFS).split("\n")) {
            if (line.startsWith(name + ": ")) {
                return Long.parseLong(line.substring(name.length() + 2).strip());
            }
        }
        throw new AssertionError("no " + name + " in " + machine.read(WorkqueueDriver.DEBUGFS));
    }

    /** A driver that keeps the context its machine gave it. */
    private static final class Probe implements HotplugDriver {
        private DriverContext context;

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void register(DriverContext context) {
            this.context = context;
        }
    }

    /** Creates a probe for each machine and remembers them in creation order. */
    private static final class Probes implements HotplugDriverProvider {
        private final List<Probe> created = new ArrayList<>();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public HotplugDriver create() {
            Probe probe = new Probe();
            created.add(probe);
            return probe;
        }
    }
}
