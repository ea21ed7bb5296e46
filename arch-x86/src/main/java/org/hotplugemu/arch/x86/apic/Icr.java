package org.hotplugemu.arch.x86.apic;

/**
 * A value of the local APIC's interrupt command register: vector [7:0], delivery mode [10:8],
 * delivery status [12] (busy), level [14] (assert), trigger [15] (level), shorthand [19:18], and
 * the destination APIC id in [63:56] (xAPIC) or [63:32] (x2APIC).
 *
 * <p>Experimental.
 */
public record Icr(long value, boolean x2apic) {
    /** {@code APIC_ICR_BUSY}: the delivery status bit, set while the IPI is being sent. */
    public static final long DELIVERY_STATUS_BUSY = 1L << 12;
    /** {@code APIC_INT_ASSERT}. */
    public static final long LEVEL_ASSERT = 1L << 14;
    /** {@code APIC_INT_LEVELTRIG}. */
    public static final long TRIGGER_LEVEL = 1L << 15;

    /** INIT level assert, {@code 0xC500}: resets the target into wait-for-SIPI. */
    public static Icr initAssert(long destination, boolean x2apic) {
        return of(TRIGGER_LEVEL | LEVEL_ASSERT | ((long) DeliveryMode.INIT.bits() << 8), destination, x2apic);
    }

    /** INIT level de-assert, {@code 0x8500}: a synchronisation message modern CPUs ignore. */
    public static Icr initDeassert(long destination, boolean x2apic) {
        return of(TRIGGER_LEVEL | ((long) DeliveryMode.INIT.bits() << 8), destination, x2apic);
    }

    /** Start-up IPI, {@code 0x600 | vector}: the target starts at {@code vector << 12}. */
    public static Icr startup(long destination, int vector, boolean x2apic) {
        if (vector < 0 || vector > 0xff) {
            throw new IllegalArgumentException("SIPI vector 0x" + Integer.toHexString(vector) + " does not fit 8 bits");
        }
        return of(((long) DeliveryMode.STARTUP.bits() << 8) | vector, destination, x2apic);
    }

    private static Icr of(long low, long destination, boolean x2apic) {
        long limit = x2apic ? 0xffff_ffffL : 0xffL;
        if (destination < 0 || destination > limit) {
            throw new IllegalArgumentException("APIC id 0x" + Long.toHexString(destination) + " does not fit the "
                    + (x2apic ? "x2APIC" : "xAPIC") + " destination field");
        }
        return new Icr(low | (destination << (x2apic ? 32 : 56)), x2apic);
    }

    public int vector() {
        return (int) (value & 0xff);
    }

    public DeliveryMode deliveryMode() {
        return DeliveryMode.ofBits((int) (value >>> 8));
    }

    public boolean levelAssert() {
        return (value & LEVEL_ASSERT) != 0;
    }

    public boolean levelTriggered() {
        return (value & TRIGGER_LEVEL) != 0;
    }

    /** Returns the destination shorthand, bits 19:18 (0: none, 1: self, 2: all, 3: all but self). */
    public int shorthand() {
        return (int) ((value >>> 18) & 0b11);
    }

    public long destination() {
        return x2apic ? value >>> 32 : value >>> 56;
    }

    /** Returns the low 32 bits, the part {@code apic_icr_write} puts in ICR low. */
    public int low() {
        return (int) value;
    }
}
