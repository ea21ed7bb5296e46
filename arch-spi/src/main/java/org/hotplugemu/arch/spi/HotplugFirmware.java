package org.hotplugemu.arch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The firmware side of CPU hot-plug as the guest kernel sees it: what the processor object's
 * {@code _STA} reports for a slot, and whether firmware lets a CPU be powered on. The core's system
 * device hot-plug drives the rest (device check and eject request notifications, {@code _EJ0},
 * {@code _OST}) and asks the architecture only these questions, so a plugin architecture can
 * answer its own way by overriding {@link Architecture#hotplugFirmware()}.
 *
 * <p>The default methods are x86's ACPI processor hot-plug (QEMU's {@code hw/acpi/cpu.c}): an
 * inserted CPU is present, enabled, shown and functioning ({@code _STA} 0xF), an empty slot 0.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface HotplugFirmware {
    /** {@code _STA} bit: the device is present. */
    int STA_PRESENT = 0x1;
    /** {@code _STA} bit: the device is enabled and decoding its resources. */
    int STA_ENABLED = 0x2;
    /** {@code _STA} bit: the device should be shown in the user interface. */
    int STA_SHOWN = 0x4;
    /** {@code _STA} bit: the device is functioning properly. */
    int STA_FUNCTIONING = 0x8;

    /** x86 ACPI processor hot-plug, the default. */
    HotplugFirmware ACPI_PROCESSOR = new HotplugFirmware() {
    };

    /** Returns a short name for logs, e.g. {@code acpi-processor} or {@code arm64-online-capable}. */
    default String name() {
        return "acpi-processor";
    }

    /**
     * Returns {@code _STA} of the processor object of {@code cpu}, given whether the hypervisor has
     * a vCPU inserted in that slot.
     */
    default int status(int cpu, boolean inserted) {
        return inserted ? STA_PRESENT | STA_ENABLED | STA_SHOWN | STA_FUNCTIONING : 0;
    }

    /**
     * Returns 0 when firmware lets {@code cpu} be powered on, or the negative errno the kernel makes
     * of its refusal (arm64: PSCI {@code DENIED} becomes {@code -EPERM}).
     */
    default int powerOn(int cpu, boolean inserted) {
        return 0;
    }

    /** Returns the kernel log line of a power-on refusal, or an empty string for none. */
    default String powerOnRefusedMessage(int cpu, int errno) {
        return "";
    }
}
