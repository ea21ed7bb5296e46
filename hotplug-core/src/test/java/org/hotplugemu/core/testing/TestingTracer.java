package org.hotplugemu.core.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.hotplugemu.api.sched.Scheduler;
import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.TraceEvent;
import org.hotplugemu.api.trace.Tracer;
import org.hotplugemu.tracing.TaskContext;
import org.hotplugemu.tracing.TraceRecord;
import org.hotplugemu.tracing.Tracing;

/**
 * The real tracing module for backend tests, each event enabled as it is registered, with the
 * recorded events read back as the ftrace text shows them after the timestamp
 * ({@code apic_icr_write: dest: 0x1 icr: 0x4500 mode: INIT}). Registration, field checks, ring
 * buffers and print formats are all {@link Tracing}'s.
 */
public final class TestingTracer implements Tracer {
    private final Tracing tracing;

    /** Tracing for code that runs on no emulated thread: every event from {@code control}, pid 1, CPU 0, time 0. */
    public TestingTracer() {
        this(new TaskContext() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public int cpu() {
                return 0;
            }

            @Override
            public String comm() {
                return "control";
            }

            @Override
            public int pid() {
                return 1;
            }

            @Override
            public boolean irqsOff() {
                return false;
            }
        }, 1);
    }

    /** Tracing of a machine of {@code cpus} CPUs whose events are stamped by {@code scheduler}'s current thread and clock. */
    public TestingTracer(Scheduler scheduler, int cpus) {
        this(new SchedulerTasks(requireNonNull(scheduler, "scheduler is null")), cpus);
    }

    private TestingTracer(TaskContext tasks, int cpus) {
        this.tracing = new Tracing(tasks, cpus);
    }

    @Override
    public TraceEvent register(EventDefinition definition) {
        TraceEvent event = tracing.tracer().register(definition);
        tracing.enableFromCommandLine(definition.system() + ":" + definition.name());
        return event;
    }

    @Override
    public Optional<TraceEvent> event(String system, String name) {
        return tracing.tracer().event(system, name);
    }

    @Override
    public List<TraceEvent> events() {
        return tracing.tracer().events();
    }

    /** Returns the tracing underneath. */
    public Tracing tracing() {
        return tracing;
    }

    /** Returns every recorded event as its ftrace line shows it after the timestamp, in trace order. */
    public List<String> records() {
        return tracing.records().stream().map(TraceRecord::eventText).toList();
    }

    /** Returns {@link #records()} of the event called {@code name}. */
    public List<String> emitted(String name) {
        return records().stream().filter(line -> line.startsWith(name + ": ")).toList();
    }

    /** The emitting task as the scheduler sees it; code on no emulated thread is {@code control} on CPU 0. */
    private record SchedulerTasks(Scheduler scheduler) implements TaskContext {
        @Override
        public long nanoTime() {
            return scheduler.nanoTime();
        }

        @Override
        public int cpu() {
            try {
                return scheduler.currentCpu();
            }
            catch (RuntimeException e) {
                return 0;
            }
        }

        @Override
        public String comm() {
            try {
                return scheduler.current().name();
            }
            catch (RuntimeException e) {
                return "control";
            }
        }

        @Override
        public int pid() {
            try {
                return scheduler.current().pid();
            }
            catch (RuntimeException e) {
                return 1;
            }
        }

        @Override
        public boolean irqsOff() {
            try {
                return scheduler.inAtomic();
            }
            catch (RuntimeException e) {
                return false;
            }
        }
    }
}
