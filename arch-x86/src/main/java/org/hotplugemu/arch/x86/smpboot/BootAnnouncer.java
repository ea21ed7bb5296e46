package org.hotplugemu.arch.x86.smpboot;

import static java.util.Objects.requireNonNull;

import org.hotplugemu.arch.spi.KernelLog;

/**
 * The kernel's {@code announce_cpu} (6.1): {@code x86: Booting SMP configuration:} whenever CPU 1
 * is brought up; during boot the CPUs are listed on one {@code .... node  #0, CPUs:      #1 #2}
 * line; after boot each bringup logs {@code smpboot: Booting Node 0 Processor N APIC 0xN}.
 *
 * <p>The kernel builds the boot line with {@code pr_cont}; the emulated log is line-based, so the
 * line is kept here and logged once, when the last possible CPU was announced or when boot ends
 * ({@link #flush()}), whichever comes first. Its timestamp is the time it is logged. Experimental.
 */
public final class BootAnnouncer {
    private final KernelLog log;
    private final int possibleCpus;
    private final int width;
    private StringBuilder bootLine;

    public BootAnnouncer(KernelLog log, int possibleCpus) {
        this.log = requireNonNull(log, "log is null");
        this.possibleCpus = possibleCpus;
        this.width = numDigits(possibleCpus) + 1;
    }

    /** The kernel's {@code num_digits}. */
    static int numDigits(int value) {
        return Integer.toString(Math.abs(value)).length() + (value < 0 ? 1 : 0);
    }

    public synchronized void announce(int cpu, long apicId, boolean booting) {
        if (cpu == 1) {
            log.info("x86: Booting SMP configuration:");
        }
        if (!booting) {
            flush();
            log.info("smpboot: Booting Node 0 Processor " + cpu + " APIC 0x" + Long.toHexString(apicId));
            return;
        }
        if (bootLine == null) {
            // node_width - num_digits(node) with one node: one space before "#0".
            bootLine = new StringBuilder(".... node  #0, CPUs:  ");
        }
        if (cpu == 1) {
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
