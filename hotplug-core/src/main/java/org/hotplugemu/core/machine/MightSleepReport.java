package org.hotplugemu.core.machine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.api.kernel.KernelLog;
import org.hotplugemu.core.engine.Engine;
import org.hotplugemu.core.engine.CallChain;
import org.hotplugemu.core.profile.Profile;

/**
 * The kernel's {@code __might_resched} report for an emulated thread that blocks with interrupts
 * off (a STARTING or DYING callback that sleeps): {@code BUG: sleeping function called from
 * invalid context}, the context line, the preempt count (and, on a preemptible-RCU kernel, the RCU
 * nest depth), then {@code dump_stack} with the emulated functions as the call trace. The kernel
 * then carries on, and so does the thread. As in the kernel the report is rate-limited to one a
 * second, and the first one taints the kernel with W.
 *
 * <p>From what the emulator knows: {@code pid} and {@code name} are the emulated thread's (an
 * idle task {@code swapper/N} has pid 0 and preempt count 1, as the kernel's idle tasks run with
 * preemption disabled); {@code <file>:<line>} names the kernel file of the blocking primitive with
 * line 0, the emulator having no kernel source lines; frames have names, no offsets.
 */
final class MightSleepReport {
    private static final long RATELIMIT_NANOS = 1_000_000_000L;
    /** Where each engine primitive's might_sleep is in the kernel. */
    private static final Map<String, String> FILES = Map.of(
            "mutex_lock", "kernel/locking/mutex.c",
            "down_read", "kernel/locking/rwsem.c",
            "down_write", "kernel/locking/rwsem.c",
            "wait_for_completion", "kernel/sched/completion.c",
            "wait_for_completion_timeout", "kernel/sched/completion.c",
            "msleep", "kernel/time/timer.c",
            "kthread_parkme", "kernel/kthread.c",
            "cond_resched", "kernel/sched/core.c");
    private static final Pattern DISTRIBUTION = Pattern.compile(" (Debian \\S+) \\(");

    private final Engine engine;
    private final KernelLog log;
    private final Architecture arch;
    private final Profile profile;
    private long lastReport = -1;
    private boolean tainted;

    MightSleepReport(Engine engine, KernelLog log, Architecture arch, Profile profile) {
        this.engine = requireNonNull(engine, "engine is null");
        this.log = requireNonNull(log, "log is null");
        this.arch = requireNonNull(arch, "arch is null");
        this.profile = requireNonNull(profile, "profile is null");
    }

    /** Reports {@code primitive} blocking on the calling emulated thread. */
    synchronized void report(String primitive) {
        long now = engine.nanoTime();
        if (lastReport >= 0 && now < lastReport + RATELIMIT_NANOS) {
            return;
        }
        lastReport = now;
        String name = engine.comm();
        boolean idle = name.startsWith("swapper/");
        int pid = idle ? 0 : engine.pid();
        int preemptCount = idle ? 1 : engine.preemptDepth();
        List<String> lines = new ArrayList<>();
        lines.add("BUG: sleeping function called from invalid context at "
                + FILES.getOrDefault(primitive, "kernel/sched/core.c") + ":0");
        lines.add("in_atomic(): " + (preemptCount != 0 ? 1 : 0) + ", irqs_disabled(): 1, non_block: 0, pid: " + pid
                + ", name: " + name);
        lines.add("preempt_count: " + Integer.toHexString(preemptCount) + ", expected: 0");
        if (preemptibleRcu()) {
            lines.add("RCU nest depth: 0, expected: 0");
        }
        lines.add(stackHeader(pid, name));
        if (!arch.hardwareName().isEmpty()) {
            lines.add("Hardware name: " + arch.hardwareName());
        }
        List<String> frames = new ArrayList<>();
        frames.add("__might_resched");
        frames.add(primitive);
        List<String> chain = CallChain.frames();
        frames.addAll(chain);
        if (!chain.isEmpty() && chain.get(chain.size() - 1).equals("smpboot_thread_fn")) {
            // What every smpboot thread runs inside.
            frames.add("kthread");
            frames.add("ret_from_fork");
        }
        lines.addAll(arch.callTrace(frames));
        for (String line : lines) {
            log.error(line);
        }
        tainted = true;
    }

    /** {@code CONFIG_PREEMPT_RCU}: a preemptible kernel, which its banner says (PREEMPT, PREEMPT_DYNAMIC). */
    private boolean preemptibleRcu() {
        return Pattern.compile("#\\d+ SMP PREEMPT").matcher(profile.banner()).find();
    }

    /**
     * {@code dump_stack_print_info}: CPU, (from 6.12) UID, PID, comm, taint, release and the build
     * number, then Debian's own version where the banner names one.
     */
    private String stackHeader(int pid, String name) {
        String[] banner = profile.banner().split(" ");
        String release = banner.length > 2 ? banner[2] : profile.kernel();
        Matcher build = Pattern.compile(" (#\\d+) ").matcher(profile.banner());
        Matcher distribution = DISTRIBUTION.matcher(profile.banner());
        StringBuilder header = new StringBuilder("CPU: ").append(engine.cpu());
        if (profile.kernelVersion().atLeast(6, 10)) {
            header.append(" UID: 0");
        }
        header.append(" PID: ").append(pid).append(" Comm: ").append(name).append(' ')
                // print_tainted: one column per taint flag (19), 'G' for no proprietary module, W the 10th.
                .append(tainted ? "Tainted: G        W         " : "Not tainted").append(' ').append(release);
        if (build.find()) {
            header.append(' ').append(build.group(1));
        }
        if (distribution.find()) {
            header.append("  ").append(distribution.group(1));
        }
        return header.toString();
    }
}
