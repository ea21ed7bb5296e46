package ${package};

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The machine's per-CPU firmware: a mailbox the boot CPU writes to wake a CPU (as arm64's
 * spin-table release address) and a power-status register a dying CPU clears as its very last
 * action (as PSCI's {@code AFFINITY_INFO} or SBI's {@code hart_get_status} report).
 */
final class Mailboxes {
    private static final int OFF = 0;
    private static final int ON = 1;

    private final AtomicIntegerArray power;

    Mailboxes(int cpus) {
        power = new AtomicIntegerArray(cpus);
    }

    /** The CPU was released from its mailbox and runs: its power status reads on. */
    void powerOn(int cpu) {
        power.set(cpu, ON);
    }

    /** The CPU's last instruction: it stops and its power status reads off. */
    void powerOff(int cpu) {
        power.set(cpu, OFF);
    }

    /** Returns whether the power-status register of {@code cpu} reads on. */
    boolean isOn(int cpu) {
        return power.get(cpu) == ON;
    }
}
