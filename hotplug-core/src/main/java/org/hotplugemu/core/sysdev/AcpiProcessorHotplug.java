package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.HotplugFirmware;
import org.hotplugemu.api.kernel.KernelLog;

/**
 * The guest's ACPI processor hot-plug ({@code acpi_bus_notify} → {@code acpi_hotplug_schedule} →
 * {@code acpi_device_hotplug}): a device check queues a hot-add request, an eject request a
 * hot-delete one, both on the single hot-plug queue; each reports back with {@code _OST}, and a
 * successful delete ends with {@code _EJ0}. The firmware handlers (enumerate, eject) register here.
 */
final class AcpiProcessorHotplug {
    private final HotplugFirmware firmware;
    private final FirmwareSlots slots;
    private final HotplugQueue queue;
    private final HotplugSequencer sequencer;
    private final SysdevFaults faults;
    private final KernelLog log;
    private volatile FirmwareListener listener = FirmwareListener.NONE;
    /** {@code /sys/firmware/acpi/hotplug/processor/enabled}: with 0 the guest refuses ejects. */
    private volatile boolean ejectEnabled = true;

    AcpiProcessorHotplug(HotplugFirmware firmware, FirmwareSlots slots, HotplugQueue queue, HotplugSequencer sequencer, SysdevFaults faults, KernelLog log) {
        this.firmware = requireNonNull(firmware, "firmware is null");
        this.slots = requireNonNull(slots, "slots is null");
        this.queue = requireNonNull(queue, "queue is null");
        this.sequencer = requireNonNull(sequencer, "sequencer is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.log = requireNonNull(log, "log is null");
    }

    boolean ejectEnabled() {
        return ejectEnabled;
    }

    void setEjectEnabled(boolean enabled) {
        this.ejectEnabled = enabled;
    }

    void setListener(FirmwareListener listener) {
        this.listener = requireNonNull(listener, "listener is null");
    }

    void registerHandlers(HandlerRegistry registry) {
        registry.register(HotplugOperation.ADD, HotplugPhase.VALIDATE, HandlerOrder.FIRMWARE_ENUMERATE, "acpi_processor", (request, rollback) -> {
            if (rollback) {
                return;
            }
            for (SystemDevice device : request.devices(SystemDevice.Kind.CPU)) {
                int sta = firmware.status(device.index(), slots.inserted(device.index()));
                if ((sta & HotplugFirmware.STA_ENABLED) == 0) {
                    throw new HotplugException(Errno.ENODEV, "processor object of CPU " + device.index() + " is not enabled (_STA 0x"
                            + Integer.toHexString(sta) + ")");
                }
            }
        });
        registry.register(HotplugOperation.DELETE, HotplugPhase.COMMIT, HandlerOrder.FIRMWARE_EJECT, "acpi_eject", (request, rollback) -> {
            for (SystemDevice device : request.devices(SystemDevice.Kind.CPU)) {
                eject(device.index());
            }
        });
    }

    /** {@code _EJ0}: the hypervisor removes the vCPU from its slot. */
    private void eject(int cpu) {
        if (faults.armed(SysdevFault.EJECT_FAIL, cpu)) {
            log.warn("ACPI: \\_SB_.CPUS.C" + String.format("%03X", cpu) + ": Eject failed (0x1)");
            throw new HotplugException(Errno.EIO, "_EJ0 of CPU " + cpu + " failed");
        }
        slots.setInserted(cpu, false);
        listener.ejected(cpu);
    }

    /** Notify(device check) for {@code cpu}: queues and waits for the hot-add; call on an emulated thread. */
    HotplugRequest deviceCheck(int cpu) {
        HotplugRequest request = HotplugRequest.of(HotplugOperation.ADD, SystemDevice.cpu(cpu));
        queue.queue("acpi_hotplug_work_fn", () -> {
            try {
                sequencer.run(request);
            }
            catch (HotplugException e) {
                // acpi_bus_attach does not propagate a handler's failure: the scan, and _OST, succeed.
                log.error("acpi_processor: CPU" + cpu + " not added: " + e.getMessage());
            }
            listener.ost(cpu, AcpiOst.DEVICE_CHECK, AcpiOst.SUCCESS);
        }).done().await();
        return request;
    }

    /** Notify(eject request) for {@code cpu}: queues and waits for the hot-delete; call on an emulated thread. */
    HotplugRequest ejectRequest(int cpu) {
        HotplugRequest request = HotplugRequest.of(HotplugOperation.DELETE, SystemDevice.cpu(cpu));
        queue.queue("acpi_hotplug_work_fn", () -> {
            if (faults.armed(SysdevFault.IGNORE_EJECT, cpu)) {
                request.record("ignored");
                return;
            }
            if (!ejectEnabled) {
                // acpi_generic_hotplug_event: the user switched processor hot-plug off; refused before _OST(0x84).
                log.info("acpi LNXCPU:" + String.format("%02x", cpu) + ": Eject disabled");
                request.record("eject disabled");
                listener.ost(cpu, AcpiOst.EJECT_REQUEST, AcpiOst.EJECT_NOT_SUPPORTED);
                return;
            }
            listener.ost(cpu, AcpiOst.EJECT_REQUEST, AcpiOst.EJECT_IN_PROGRESS);
            int status = AcpiOst.SUCCESS;
            try {
                sequencer.run(request);
                if (request.failure() != null) {
                    status = AcpiOst.statusOf(request.failure().errno());
                }
            }
            catch (HotplugException e) {
                status = AcpiOst.statusOf(e.errno());
            }
            listener.ost(cpu, AcpiOst.EJECT_REQUEST, status);
        }).done().await();
        return request;
    }
}
