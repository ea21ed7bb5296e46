package org.hotplugemu.tracing;

import static java.util.Objects.requireNonNull;

/**
 * One machine's tracing instance: its tracepoints, its per-CPU ring buffers and its tracefs files.
 * (Skeleton: the tracing issue fills it in.)
 */
public final class Tracing {
    private final TaskContext context;
    private final int nrCpus;

    public Tracing(TaskContext context, int nrCpus) {
        this.context = requireNonNull(context, "context is null");
        this.nrCpus = nrCpus;
    }

    public Tracer tracer() {
        throw new UnsupportedOperationException("tracing is not built yet");
    }
}
