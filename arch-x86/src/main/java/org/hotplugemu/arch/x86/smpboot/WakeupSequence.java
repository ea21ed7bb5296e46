package org.hotplugemu.arch.x86.smpboot;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.arch.x86.apic.ApicBus;
import org.hotplugemu.arch.x86.apic.Icr;
import org.hotplugemu.arch.x86.apic.LocalApic;

/**
 * The kernel's {@code wakeup_secondary_cpu_via_init} on the control CPU: clear the ESR, INIT
 * assert, {@code init_udelay}, INIT de-assert, then up to two start-up IPIs, each followed by its
 * waits and an ESR check; a busy ICR or a delivery error stops the loop and fails the wakeup.
 *
 * <p>Delays are {@code udelay}s: {@link Scheduler#delay} on the control thread. Experimental.
 */
public final class WakeupSequence {
    /** {@code UDELAY_10MS_DEFAULT}: the MP specification's INIT delay for CPUs without the quirk. */
    public static final long LEGACY_INIT_UDELAY_MICROS = 10_000;
    /** {@code safe_apic_wait_icr_idle}: at most 1000 polls, 100 µs apart. */
    static final int ICR_IDLE_POLLS = 1000;
    static final Duration ICR_IDLE_POLL_DELAY = Duration.ofNanos(100_000);
    /** Accept-status mask: bit 4 (redirectable IPI) is not a delivery error. */
    static final int ESR_ACCEPT_MASK = 0xEF;

    private final Scheduler scheduler;
    private final ApicBus bus;
    private final KernelLog log;
    private final long initUdelayMicros;
    private final Duration icrWrite;
    private final boolean x2apic;

    public WakeupSequence(Scheduler scheduler, ApicBus bus, KernelLog log, long initUdelayMicros, Duration icrWrite, boolean x2apic) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.bus = requireNonNull(bus, "bus is null");
        this.log = requireNonNull(log, "log is null");
        this.initUdelayMicros = initUdelayMicros;
        this.icrWrite = requireNonNull(icrWrite, "icrWrite is null");
        this.x2apic = x2apic;
    }

    public long initUdelayMicros() {
        return initUdelayMicros;
    }

    /**
     * Returns the SIPI vector that starts a CPU at {@code startAddress}.
     *
     * @throws HotplugException EINVAL when the address is not a 4 KiB page below 1 MiB, which a SIPI cannot express
     */
    public static int startupVector(long startAddress) {
        if (startAddress < 0 || startAddress >= 0x10_0000 || (startAddress & 0xfff) != 0) {
            throw new HotplugException(Errno.EINVAL, "trampoline start 0x" + Long.toHexString(startAddress)
                    + " is not a page-aligned address below 1 MiB: a start-up IPI can only start a CPU at vector << 12");
        }
        return (int) (startAddress >>> 12);
    }

    /**
     * Sends INIT-SIPI-SIPI from {@code source} to {@code targetApicId}. Returns the kernel's boot error:
     * 0 on success, else the ICR busy bit and the accept status or-ed together.
     */
    public int wake(LocalApic source, long targetApicId, long startAddress) {
        int vector = startupVector(startAddress);
        source.writeEsr();
        source.readEsr();

        send(source, Icr.initAssert(targetApicId, x2apic));
        long sendStatus = waitIcrIdle(source);
        udelayMicros(initUdelayMicros);
        send(source, Icr.initDeassert(targetApicId, x2apic));
        sendStatus = waitIcrIdle(source);

        long acceptStatus = 0;
        for (int startup = 1; startup <= 2; startup++) {
            source.writeEsr();
            source.readEsr();
            send(source, Icr.startup(targetApicId, vector, x2apic));
            udelayMicros(initUdelayMicros == 0 ? 10 : 300);
            sendStatus = waitIcrIdle(source);
            udelayMicros(initUdelayMicros == 0 ? 10 : 200);
            source.writeEsr();
            acceptStatus = source.readEsr() & ESR_ACCEPT_MASK;
            if (sendStatus != 0 || acceptStatus != 0) {
                break;
            }
        }
        if (sendStatus != 0) {
            log.error("smpboot: APIC never delivered???");
        }
        if (acceptStatus != 0) {
            log.error("smpboot: APIC delivery error (" + Long.toHexString(acceptStatus) + ")");
        }
        return (int) (sendStatus | acceptStatus);
    }

    private void send(LocalApic source, Icr icr) {
        bus.send(source, icr);
        if (!icrWrite.isZero()) {
            scheduler.delay(icrWrite);
        }
    }

    /** Returns the busy bit when the ICR never went idle; x2APIC has no delivery status to wait for. */
    private long waitIcrIdle(LocalApic source) {
        if (x2apic) {
            return 0;
        }
        for (int poll = 0; poll < ICR_IDLE_POLLS; poll++) {
            if (!source.icrBusy()) {
                return 0;
            }
            scheduler.delay(ICR_IDLE_POLL_DELAY);
        }
        return source.icr() & Icr.DELIVERY_STATUS_BUSY;
    }

    private void udelayMicros(long micros) {
        if (micros > 0) {
            scheduler.delay(Duration.ofNanos(micros * 1_000));
        }
    }
}
