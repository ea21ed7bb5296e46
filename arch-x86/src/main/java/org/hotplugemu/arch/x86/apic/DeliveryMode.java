package org.hotplugemu.arch.x86.apic;

/**
 * The delivery mode of an interprocessor interrupt, ICR bits 10:8 (Intel SDM vol. 3, 11.6.1).
 *
 * <p>Experimental.
 */
public enum DeliveryMode {
    FIXED(0b000),
    LOWEST_PRIORITY(0b001),
    SMI(0b010),
    RESERVED(0b011),
    NMI(0b100),
    INIT(0b101),
    STARTUP(0b110),
    EXTINT(0b111);

    private final int bits;

    DeliveryMode(int bits) {
        this.bits = bits;
    }

    /** Returns the three mode bits, not yet shifted to bit 8. */
    public int bits() {
        return bits;
    }

    public static DeliveryMode ofBits(int bits) {
        return values()[bits & 0b111];
    }
}
