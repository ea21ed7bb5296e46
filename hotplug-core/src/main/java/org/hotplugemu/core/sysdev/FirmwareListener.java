package org.hotplugemu.core.sysdev;

/**
 * What the hypervisor learns from the guest's firmware calls: each {@code _OST} evaluation and each
 * successful {@code _EJ0}. QEMU turns them into {@code ACPI_DEVICE_OST} and {@code DEVICE_DELETED}.
 * Called on an emulated thread; keep it quick.
 */
public interface FirmwareListener {
    FirmwareListener NONE = new FirmwareListener() {
    };

    /** The guest evaluated {@code _OST(event, status)} for the processor object of {@code cpu}. */
    default void ost(int cpu, int event, int status) {
    }

    /** The guest evaluated {@code _EJ0} for {@code cpu} and the hypervisor removed the vCPU. */
    default void ejected(int cpu) {
    }
}
