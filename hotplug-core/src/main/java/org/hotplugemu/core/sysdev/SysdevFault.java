package org.hotplugemu.core.sysdev;

import java.util.Locale;
import java.util.Optional;

/**
 * The hot-plug faults a scenario can arm, the pain points VMM engineers meet with real guests.
 * Each is armed for one CPU (slot) or for all, and stays armed until cleared.
 */
public enum SysdevFault {
    /** The guest ignores the eject request: no {@code _OST}, no eject; the VMM must time out. */
    IGNORE_EJECT,
    /** Offlining the CPU fails in the state machine (an injected callback failure), so the eject is refused with {@code _OST} 0x82. */
    OFFLINE_FAIL,
    /** {@code _EJ0} fails after the CPU was offlined and unregistered: {@code _OST} non-specific failure, the vCPU stays. */
    EJECT_FAIL,
    /** Firmware refuses to power the CPU on (PSCI DENIED, an INIT/SIPI that never lands): onlining fails with EPERM. */
    POWER_ON_REFUSED,
    /** The arriving CPU's hardware id (APIC ID, MPIDR) duplicates a present CPU's: the guest refuses to map it. */
    DUPLICATE_ID;

    /** Returns the fault's name as commands take it, e.g. {@code ignore-eject}. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #externalName()}. */
    public static Optional<SysdevFault> parse(String name) {
        for (SysdevFault fault : values()) {
            if (fault.externalName().equals(name)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
