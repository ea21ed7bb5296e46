package org.hotplugemu.core.sysdev;

/**
 * A target of a hot-plug request: a CPU, a memory block, a NUMA node or a host bridge, by number.
 *
 * @param kind what the device is
 * @param index its number: logical CPU, memory block, node or bridge
 */
public record SystemDevice(Kind kind, int index) {
    /** The kinds of system device, in boot order: memory first, then CPUs, then host bridges. */
    public enum Kind {
        MEMORY,
        NODE,
        CPU,
        HOST_BRIDGE
    }

    public SystemDevice {
        java.util.Objects.requireNonNull(kind, "kind is null");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
    }

    public static SystemDevice cpu(int cpu) {
        return new SystemDevice(Kind.CPU, cpu);
    }

    public static SystemDevice memory(int block) {
        return new SystemDevice(Kind.MEMORY, block);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + index;
    }
}
