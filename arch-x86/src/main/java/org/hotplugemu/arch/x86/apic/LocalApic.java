package org.hotplugemu.arch.x86.apic;

/**
 * One CPU's emulated local APIC, with the hardware rules that matter for bringup: a start-up IPI is
 * accepted only in wait-for-SIPI (entered by INIT or power-on), later SIPIs are ignored, INIT resets
 * a running or halted CPU, the start address is {@code vector << 12}. As a sender it holds the ICR
 * with its delivery status and the error status register (ESR): errors accumulate until software
 * writes the ESR, which latches them for the next read (SDM vol. 3, 11.5.3).
 *
 * <p>Each reset bumps a generation so that code started before the reset can tell it no longer owns
 * the CPU. Thread safe: state changes are short and never wait for another thread. Experimental.
 */
public final class LocalApic {
    public static final int ESR_SEND_CHECKSUM = 0x01;
    public static final int ESR_RECEIVE_CHECKSUM = 0x02;
    public static final int ESR_SEND_ACCEPT = 0x04;
    public static final int ESR_RECEIVE_ACCEPT = 0x08;
    public static final int ESR_REDIRECTABLE_IPI = 0x10;
    public static final int ESR_SEND_ILLEGAL_VECTOR = 0x20;
    public static final int ESR_RECEIVE_ILLEGAL_VECTOR = 0x40;
    public static final int ESR_ILLEGAL_REGISTER = 0x80;

    private final int cpu;
    private final long apicId;
    private ApState state;
    private long startAddress = -1;
    private int generation;
    private long icr;
    private boolean icrBusy;
    private int accumulatedErrors;
    private int esr;
    private boolean softDisabled;
    private String haltReason = "";

    /** Creates the APIC of {@code cpu}; the boot CPU starts {@link ApState#RUNNING}, the others wait for SIPI. */
    public LocalApic(int cpu, long apicId, boolean bootCpu) {
        this.cpu = cpu;
        this.apicId = apicId;
        this.state = bootCpu ? ApState.RUNNING : ApState.WAIT_FOR_SIPI;
    }

    public int cpu() {
        return cpu;
    }

    public long apicId() {
        return apicId;
    }

    public synchronized ApState state() {
        return state;
    }

    /** Returns where the CPU started after its last accepted SIPI, or -1 when it has not started since reset. */
    public synchronized long startAddress() {
        return startAddress;
    }

    public synchronized int generation() {
        return generation;
    }

    /** Returns whether {@code generation} is still the CPU's current life (no INIT since). */
    public synchronized boolean isCurrent(int generation) {
        return this.generation == generation;
    }

    /** Receives INIT: whatever the CPU was doing, it is reset into wait-for-SIPI. Returns the state it left. */
    public synchronized ApState receiveInit() {
        ApState previous = state;
        state = ApState.WAIT_FOR_SIPI;
        startAddress = -1;
        softDisabled = false;
        generation++;
        return previous;
    }

    /**
     * Receives a start-up IPI. Returns whether it was accepted: only in wait-for-SIPI; the APIC does
     * not queue or retry a SIPI it ignores.
     */
    public synchronized boolean receiveStartup(int vector) {
        if (state != ApState.WAIT_FOR_SIPI) {
            return false;
        }
        state = ApState.RUNNING;
        startAddress = (long) vector << 12;
        return true;
    }

    /**
     * Halts the CPU if {@code generation} is still current: {@code play_dead}, or a hang before
     * reporting alive; {@code reason} says which (e.g. {@code mwait_play_dead}).
     */
    public synchronized boolean halt(int generation, String reason) {
        if (this.generation != generation || state != ApState.RUNNING) {
            return false;
        }
        state = ApState.HALTED;
        haltReason = reason;
        return true;
    }

    /** Returns why the CPU last halted, or an empty string. */
    public synchronized String haltReason() {
        return state == ApState.HALTED ? haltReason : "";
    }

    /** {@code apic_soft_disable} in {@code native_cpu_disable}: the CPU still answers INIT and SIPI. */
    public synchronized void softDisable() {
        softDisabled = true;
    }

    public synchronized boolean softDisabled() {
        return softDisabled;
    }

    /** Sender side: software writes the ICR; the delivery status reads busy until the bus is done. */
    public synchronized void writeIcr(Icr value) {
        icr = value.value();
        icrBusy = true;
    }

    public synchronized void deliveryDone() {
        icrBusy = false;
    }

    public synchronized long icr() {
        return icrBusy ? icr | Icr.DELIVERY_STATUS_BUSY : icr;
    }

    public synchronized boolean icrBusy() {
        return icrBusy;
    }

    /** Records a send or receive error; software sees it after its next ESR write. */
    public synchronized void recordError(int bits) {
        accumulatedErrors |= bits & 0xff;
    }

    /** {@code apic_write(APIC_ESR, 0)}: latches the errors seen since the previous write and clears them. */
    public synchronized void writeEsr() {
        esr = accumulatedErrors;
        accumulatedErrors = 0;
    }

    /** {@code apic_read(APIC_ESR)}: the errors latched by the last ESR write. */
    public synchronized int readEsr() {
        return esr;
    }

    @Override
    public synchronized String toString() {
        return "cpu " + cpu + " apicid 0x" + Long.toHexString(apicId) + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (startAddress >= 0 ? " start 0x" + Long.toHexString(startAddress) : "")
                + (state == ApState.HALTED ? " in " + haltReason : "");
    }
}
