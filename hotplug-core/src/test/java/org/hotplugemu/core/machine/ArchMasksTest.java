package org.hotplugemu.core.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotplugemu.core.testing.TestingMachines.CPU;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.hotplugemu.arch.spi.CpuMasks;
import org.hotplugemu.api.kernel.CpuSet;
import org.hotplugemu.core.testing.TestingArchitectureProvider;
import org.junit.jupiter.api.Test;

/** A backend reads the CPU masks through its context, as immutable snapshots (issue 14 item 5). */
class ArchMasksTest {
    @Test
    void aBackendSeesTheMasksAndItsSnapshotsDoNotChangeLater() {
        TestingArchitectureProvider provider = new TestingArchitectureProvider();
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(4).presentCpus(3).build()) {
            machine.boot();
            CpuMasks masks = provider.last().context().masks();
            CpuSet before = masks.online();
            assertThat(before.toCpuList()).isEqualTo("0-2");
            assertThat(masks.possible().toCpuList()).isEqualTo("0-3");
            assertThat(masks.present().toCpuList()).isEqualTo("0-2");
            assertThat(masks.active()).isEqualTo(CpuSet.of(0, 1, 2));
            machine.write(CPU + "/cpu1/online", "0\n");
            assertThat(masks.online().toCpuList()).isEqualTo("0,2");
            assertThat(masks.active().contains(1)).isFalse();
            assertThat(before.toCpuList()).isEqualTo("0-2");
            assertThat(machine.read(CPU + "/online")).isEqualTo("0,2\n");
        }
    }

    @Test
    void nothingReachableFromTheMasksCanChangeThem() {
        for (Class<?> type : new Class<?>[] {CpuMasks.class, CpuSet.class}) {
            assertThat(Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
                    .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getReturnType))
                    .as(type.getSimpleName() + " returns only values").allMatch(t -> t == CpuSet.class || t.isPrimitive()
                            || t == String.class || t == java.util.stream.IntStream.class);
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .noneMatch(name -> name.startsWith("set") || name.startsWith("clear") || name.startsWith("add") || name.startsWith("remove"));
        }
        assertThat(Arrays.stream(CpuSet.class.getDeclaredFields())).allMatch(f -> Modifier.isFinal(f.getModifiers()) && Modifier.isPrivate(f.getModifiers()));
    }

    @Test
    void readingTheMasksFromCreateFailsClearly() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        TestingArchitectureProvider provider = new TestingArchitectureProvider().configure(arch -> {
            try {
                arch.context().masks().online();
            }
            catch (IllegalStateException e) {
                thrown.set(e);
            }
        });
        try (Machine machine = new MachineBuilder().architecture(provider).cpus(2).build()) {
            assertThat(thrown.get()).hasMessageContaining("do not exist yet");
        }
    }

    @Test
    void cpuSetPrintsACpulistAndRefusesNegativeCpus() {
        assertThat(CpuSet.of(0, 2, 3, 5, 6, 7).toCpuList()).isEqualTo("0,2-3,5-7");
        assertThat(CpuSet.of().toCpuList()).isEmpty();
        assertThat(CpuSet.of().first()).isEqualTo(-1);
        assertThat(CpuSet.of(4, 9).size()).isEqualTo(2);
        assertThatThrownBy(() -> CpuSet.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
