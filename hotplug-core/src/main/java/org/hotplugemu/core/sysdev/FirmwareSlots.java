package org.hotplugemu.core.sysdev;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The hypervisor's side of the firmware interface: which CPU slots hold a vCPU (QEMU's
 * {@code is_inserted}). The guest reads it through {@code _STA}; {@code _EJ0} empties a slot.
 */
final class FirmwareSlots {
    private final AtomicIntegerArray inserted;

    FirmwareSlots(int slots) {
        this.inserted = new AtomicIntegerArray(slots);
        for (int slot = 0; slot < slots; slot++) {
            inserted.set(slot, 1);
        }
    }

    boolean inserted(int slot) {
        return slot >= 0 && slot < inserted.length() && inserted.get(slot) != 0;
    }

    void setInserted(int slot, boolean value) {
        inserted.set(slot, value ? 1 : 0);
    }

    int size() {
        return inserted.length();
    }
}
