package org.hotplugemu.core.sysdev;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.HotplugFirmware;
import org.hotplugemu.api.kernel.KernelBool;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.kernel.VirtualFile;
import org.hotplugemu.core.state.Hotplug;
import org.hotplugemu.core.sysfs.CpuSysfs;
import org.hotplugemu.core.sysfs.VirtualFs;

/**
 * CPUs as system devices ({@code drivers/base/cpu.c} and {@code acpi_processor_add/remove}): a
 * CPU's device is registered when it arrives, making {@code cpuN/} appear, and unregistered when it
 * leaves. Registration sets it present, removal clears that; onlining and offlining go through the
 * state machine under the device hot-plug lock and send {@code online}/{@code offline} uevents.
 */
final class CpuDevices {
    /** Where a CPU's device stands. */
    private enum Registration { ABSENT, BOOT, HOT_ADDED }

    private final Hotplug hotplug;
    private final Architecture arch;
    private final HotplugFirmware firmware;
    private final KernelLog log;
    private final Uevents uevents;
    private final HotplugQueue queue;
    private final SysdevFaults faults;
    private final FirmwareSlots slots;
    private final AtomicReferenceArray<Registration> registered;

    CpuDevices(Hotplug hotplug, Architecture arch, KernelLog log, Uevents uevents, HotplugQueue queue, SysdevFaults faults, FirmwareSlots slots) {
        this.hotplug = requireNonNull(hotplug, "hotplug is null");
        this.arch = requireNonNull(arch, "arch is null");
        this.firmware = arch.hotplugFirmware();
        this.log = requireNonNull(log, "log is null");
        this.uevents = requireNonNull(uevents, "uevents is null");
        this.queue = requireNonNull(queue, "queue is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.slots = requireNonNull(slots, "slots is null");
        this.registered = new AtomicReferenceArray<>(hotplug.nrCpus());
        for (int cpu = 0; cpu < hotplug.nrCpus(); cpu++) {
            registered.set(cpu, Registration.BOOT);
        }
    }

    /** Before boot: CPUs from {@code count} on are possible but not present, their slots empty. */
    void presentAtBoot(int count) {
        if (count < 1 || count > hotplug.nrCpus()) {
            throw new HotplugException(Errno.EINVAL, count + " CPUs present at boot is out of range 1-" + hotplug.nrCpus());
        }
        for (int cpu = count; cpu < hotplug.nrCpus(); cpu++) {
            registered.set(cpu, Registration.ABSENT);
            hotplug.masks().setPresent(cpu, false);
            slots.setInserted(cpu, false);
        }
    }

    /** Makes {@code cpuN/} follow registration and routes {@code online} writes through the device hot-plug lock. */
    void install(VirtualFs fs) {
        for (int cpu = 0; cpu < hotplug.nrCpus(); cpu++) {
            int n = cpu;
            String dir = CpuSysfs.ROOT + "/cpu" + cpu;
            fs.setVisibility(dir, () -> registered.get(n) != Registration.ABSENT);
            // cpuhp_sysfs_init adds hotplug/ at boot only, to the CPU devices registered then.
            fs.setVisibility(dir + "/hotplug", () -> registered.get(n) == Registration.BOOT);
            if (arch.isHotpluggable(cpu)) {
                fs.remove(dir + "/online");
                fs.add(dir + "/online", VirtualFile.readWrite(() -> (hotplug.deviceOnline(n) ? "1" : "0") + "\n",
                        value -> onlineStore(n, KernelBool.parse(value))));
            }
        }
    }

    boolean registered(int cpu) {
        return cpu >= 0 && cpu < hotplug.nrCpus() && registered.get(cpu) != Registration.ABSENT;
    }

    /** {@code online_store}: takes the device hot-plug lock, then onlines or offlines. */
    void onlineStore(int cpu, boolean online) {
        queue.deviceHotplugLock().lock();
        try {
            setOnline(cpu, online);
        }
        finally {
            queue.deviceHotplugLock().unlock();
        }
    }

    /** {@code device_online}/{@code device_offline} with the device hot-plug lock held. */
    void setOnline(int cpu, boolean online) {
        boolean before = hotplug.deviceOnline(cpu);
        if (before == online) {
            return;
        }
        if (online) {
            int refused = faults.armed(SysdevFault.POWER_ON_REFUSED, cpu) ? -Errno.EPERM.number() : firmware.powerOn(cpu, slots.inserted(cpu));
            if (refused != 0) {
                String message = firmware.powerOnRefusedMessage(cpu, refused);
                log.error(message.isEmpty() ? "CPU" + cpu + ": failed to boot: " + refused : message);
                throw new HotplugException(Errno.ofNumber(-refused), "firmware refused to power CPU " + cpu + " on");
            }
        }
        hotplug.setDeviceOnline(cpu, online);
        uevents.emit(online ? "online" : "offline", devpath(cpu), "cpu", "DRIVER", "processor");
    }

    static String devpath(int cpu) {
        return "/devices/system/cpu/cpu" + cpu;
    }

    void registerHandlers(HandlerRegistry registry) {
        registry.register(HotplugOperation.ADD, HotplugPhase.VALIDATE, HandlerOrder.CPU_ADD, "cpu", (request, rollback) -> {
            if (!rollback) {
                cpus(request).forEach(this::validateAdd);
            }
        });
        registry.register(HotplugOperation.ADD, HotplugPhase.EXECUTE, HandlerOrder.CPU_ADD, "cpu", (request, rollback) -> {
            for (int cpu : cpus(request)) {
                if (rollback) {
                    if (registered.get(cpu) == Registration.HOT_ADDED && !hotplug.masks().online().test(cpu)) {
                        unregister(cpu);
                    }
                } else {
                    register(cpu);
                }
            }
        });
        registry.register(HotplugOperation.DELETE, HotplugPhase.VALIDATE, HandlerOrder.CPU_DELETE, "cpu", (request, rollback) -> {
            if (!rollback) {
                cpus(request).forEach(this::validateDelete);
            }
        });
        registry.register(HotplugOperation.DELETE, HotplugPhase.EXECUTE, HandlerOrder.CPU_DELETE, "cpu", this::offline);
        registry.register(HotplugOperation.DELETE, HotplugPhase.COMMIT, HandlerOrder.CPU_DELETE, "cpu", (request, rollback) -> {
            for (int cpu : cpus(request)) {
                unregister(cpu);
            }
        });
    }

    private static List<Integer> cpus(HotplugRequest request) {
        return request.devices(SystemDevice.Kind.CPU).stream().map(SystemDevice::index).toList();
    }

    private void validateAdd(int cpu) {
        if (cpu >= hotplug.nrCpus()) {
            throw new HotplugException(Errno.EINVAL, "CPU " + cpu + " is not possible on this machine (CPUs 0-" + (hotplug.nrCpus() - 1) + ")");
        }
        if (registered.get(cpu) != Registration.ABSENT) {
            throw new HotplugException(Errno.EEXIST, "CPU " + cpu + " is already present");
        }
        if (faults.armed(SysdevFault.DUPLICATE_ID, cpu)) {
            log.error("ACPI: CPU" + cpu + ": hardware id already in use by a present CPU, not mapping it");
            throw new HotplugException(Errno.EEXIST, "CPU " + cpu + " has a duplicate hardware id");
        }
    }

    private void register(int cpu) {
        hotplug.masks().setPresent(cpu, true);
        registered.set(cpu, Registration.HOT_ADDED);
        uevents.emit("add", devpath(cpu), "cpu");
        log.info("CPU" + cpu + " has been hot-added");
        uevents.emit("bind", devpath(cpu), "cpu", "DRIVER", "processor");
    }

    private void validateDelete(int cpu) {
        if (!registered(cpu)) {
            throw new HotplugException(Errno.ENODEV, "CPU " + cpu + " is not present");
        }
        if (!arch.isHotpluggable(cpu)) {
            throw new HotplugException(Errno.EPERM, "CPU " + cpu + " cannot be taken offline on " + arch.name());
        }
    }

    /** Execute of delete: {@code acpi_scan_try_to_offline}; its rollback onlines again what it offlined. */
    private void offline(HotplugRequest request, boolean rollback) {
        for (int cpu : cpus(request)) {
            if (rollback) {
                if (request.journal().contains("offlined:" + cpu) && !hotplug.deviceOnline(cpu)) {
                    try {
                        setOnline(cpu, true);
                    }
                    catch (HotplugException e) {
                        log.error("ACPI: CPU" + cpu + ": onlining again after a failed eject: " + e.getMessage());
                    }
                }
                continue;
            }
            if (!hotplug.deviceOnline(cpu)) {
                continue;
            }
            boolean inject = faults.armed(SysdevFault.OFFLINE_FAIL, cpu);
            int failState = inject ? injectedFailState() : -1;
            try {
                if (failState >= 0) {
                    hotplug.armFail(cpu, failState);
                } else if (inject) {
                    throw new HotplugException(Errno.EBUSY, "offlining CPU " + cpu + " failed (injected)");
                }
                setOnline(cpu, false);
                request.record("offlined:" + cpu);
            }
            catch (HotplugException e) {
                throw new HotplugException(Errno.EBUSY, "offlining CPU " + cpu + " failed: " + e.getMessage());
            }
            finally {
                if (failState >= 0) {
                    hotplug.armFail(cpu, -1);
                }
            }
        }
    }

    /** A teardown the core always has ({@code sched:active}), so the injected failure goes through the walker and its rollback. */
    private int injectedFailState() {
        return hotplug.profile().find("CPUHP_AP_ACTIVE").map(step -> step.number()).orElse(-1);
    }

    private void unregister(int cpu) {
        uevents.emit("unbind", devpath(cpu), "cpu");
        registered.set(cpu, Registration.ABSENT);
        uevents.emit("remove", devpath(cpu), "cpu");
        hotplug.masks().setPresent(cpu, false);
    }
}
