package org.hotplugemu.arch.x86.smpboot;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.arch.spi.KernelVersion;

/**
 * The kernel's {@code announce_cpu}. Up to 6.4: {@code x86: Booting SMP configuration:} whenever
 * CPU 1 is brought up, boot or not. From 6.5 (parallel bringup): {@code smpboot: x86: Booting SMP
 * configuration:} once, before the first CPU boot brings up, and never after boot. During boot the
 * CPUs are listed on one {@code .... node  #0, CPUs:      #1 #2} line (the padding stands for the
 * boot CPU, before CPU 1 up to 6.4, before the first CPU announced from 6.5); after boot each
 * bringup logs {@code smpboot: Booting Node 0 Processor N APIC 0xN}.
 *
 * <p>The kernel builds the boot line with {@code pr_cont}; the emulated log is line-based, so the
 * line is kept here and logged once, when the last possible CPU was announced or when boot ends
 * ({@link #flush()}), whichever comes first. Its timestamp is the time it is logged. Experimental.
 */
public final class BootAnnouncer {
    private final KernelLog log;
    private final int possibleCpus;
    private final int width;
    private final Supplier<KernelVersion> kernel;
    private StringBuilder bootLine;
    /** From 6.5: no CPU announced during boot yet. */
    private boolean first = true;

    /** Announces CPUs as the kernel {@code kernel} supplies (asked at each announcement) does. */
    public BootAnnouncer(KernelLog log, int possibleCpus, Supplier<KernelVersion> kernel) {
        this.log = requireNonNull(log, "log is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.possibleCpus = possibleCpus;
        this.width = numDigits(possibleCpus) + 1;
    }

    /** The kernel's {@code num_digits}. */
    static int numDigits(int value) {
        return Integer.toString(Math.abs(value)).length() + (value < 0 ? 1 : 0);
    }

    public synchronized void announce(int cpu, long apicId, boolean booting) {
        boolean perBoot = kernel.get().atLeast(6, 5);
        boolean padding;
        if (perBoot) {
            if (!booting) {
                flush();
                log.info("smpboot: Booting Node 0 Processor " + cpu + " APIC 0x" + Long.toHexString(apicId));
                return;
            }
            if (first) {
                log.info("smpboot: x86: Booting SMP configuration:");
            }
            padding = first;
            first = false;
        }
        else {
            if (cpu == 1) {
                log.info("x86: Booting SMP configuration:");
            }
            if (!booting) {
                flush();
                log.info("smpboot: Booting Node 0 Processor " + cpu + " APIC 0x" + Long.toHexString(apicId));
                return;
            }
            padding = cpu == 1;
        }
        if (bootLine == null) {
            // node_width - num_digits(node) with one node: one space before "#0".
            bootLine = new StringBuilder(".... node  #0, CPUs:  ");
        }
        if (padding) {
            bootLine.append(" ".repeat(width + 1));
        }
        bootLine.append(" ".repeat(width - numDigits(cpu))).append('#').append(cpu);
        if (cpu == possibleCpus - 1) {
            flush();
        }
    }

    /** Logs the boot line built so far, if any. */
    public synchronized void flush() {
        if (bootLine != null) {
            log.info(bootLine.toString());
            bootLine = null;
        }
    }
}
