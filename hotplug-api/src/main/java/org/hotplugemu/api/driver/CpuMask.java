package org.hotplugemu.api.driver;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.hotplugemu.api.kernel.CpuList;

/**
 * A read-only view of one of the kernel's CPU masks (possible, present, online, active, dying).
 * It reflects later changes.
 */
@API(status = STABLE, since = "0.1")
public interface CpuMask {
    boolean test(int cpu);

    /** Returns how many CPUs are set ({@code cpumask_weight}). */
    int weight();

    /** Returns the set CPUs in ascending order. */
    IntStream stream();

    /** Returns the lowest set CPU, or -1 when empty. */
    int first();

    /** Returns the lowest set CPU above {@code cpu}, or -1 ({@code cpumask_next}). Since 0.2. */
    default int next(int cpu) {
        return stream().filter(other -> other > cpu).findFirst().orElse(-1);
    }

    /** Returns the lowest set CPU other than {@code cpu}, or -1 ({@code cpumask_any_but}). Since 0.2. */
    default int anyBut(int cpu) {
        int first = first();
        return first != cpu ? first : next(cpu);
    }

    /** Returns the mask as sysfs prints a cpulist, e.g. {@code 0,2-3} (no newline): {@link CpuList#format()}. */
    default String toCpuList() {
        return CpuList.of(stream()).format();
    }
}
