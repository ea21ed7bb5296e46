package org.hotplugemu.distribution.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import java.nio.file.Path;

/** Binds where the trace goes at exit: {@link #toFile} for {@code --trace FILE}, {@link #none} otherwise. */
public final class TracingOutputModule extends AbstractModule {
    private final TraceOutput output;

    private TracingOutputModule(TraceOutput output) {
        this.output = requireNonNull(output, "output is null");
    }

    /** The trace goes to {@code file}, in the format its extension selects. */
    public static TracingOutputModule toFile(Path file) {
        requireNonNull(file, "file is null");
        return new TracingOutputModule(machine -> machine.tracing().writeTo(file));
    }

    public static TracingOutputModule none() {
        return new TracingOutputModule(machine -> { });
    }

    @Override
    protected void configure() {
        bind(TraceOutput.class).toInstance(output);
    }
}
