package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.EventField;
import org.hotplugemu.api.trace.FieldType;
import org.hotplugemu.api.trace.Tracer;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One machine's tracing instance: its tracepoints, its per-CPU ring buffers (allocated on first
 * use), its tracefs files, and the formatters that write what was recorded.
 */
public final class Tracing {
    /** Global emission order across every CPU's buffer. */
    private final java.util.concurrent.atomic.AtomicLong emitted = new java.util.concurrent.atomic.AtomicLong();
    /** The kernel's default per-CPU buffer size once expanded, in kilobytes. */
    public static final int DEFAULT_BUFFER_SIZE_KB = 1408;
    /** The id the kernel gives ftrace's own {@code print} event (trace_marker writes). */
    private static final int PRINT_EVENT_ID = 5;

    private final TaskContext context;
    private final int nrCpus;
    private final EventRegistry registry;
    private final TraceFs files;
    private final RegisteredEvent printEvent;
    private final AtomicReferenceArray<RingBuffer> buffers;
    private final List<TraceRules> rules = new CopyOnWriteArrayList<>();
    private volatile int bufferSizeKb = DEFAULT_BUFFER_SIZE_KB;

    /** Creates tracing for a machine of {@code nrCpus} possible CPUs, every event disabled, tracing on. */
    public Tracing(TaskContext context, int nrCpus) {
        this.context = requireNonNull(context, "context is null");
        if (nrCpus < 1) {
            throw new IllegalArgumentException("nrCpus must be at least 1, got " + nrCpus);
        }
        this.nrCpus = nrCpus;
        this.buffers = new AtomicReferenceArray<>(nrCpus);
        this.registry = new EventRegistry(this);
        this.files = new TraceFs(this, registry);
        this.printEvent = new RegisteredEvent(new EventDefinition("ftrace", "print",
                List.of(new EventField("ip", FieldType.SYMBOL), new EventField("buf", FieldType.STRING)),
                "%ps: %s"), PRINT_EVENT_ID, this, true);
        printEvent.setEnabled(true, true);
    }

    /** Returns where tracepoints are registered. */
    public Tracer tracer() {
        return registry;
    }

    /** Returns the tracefs files. */
    public TraceFs files() {
        return files;
    }

    /** Returns the number of possible CPUs (the {@code #P} of the trace header). */
    public int nrCpus() {
        return nrCpus;
    }

    /**
     * Enables events as the kernel command line's {@code trace_event=} does: comma-separated
     * {@code system:event}, {@code system:*}, {@code *:*}, {@code :event} or a bare system or event
     * name; a leading {@code !} disables. Each item also applies to matching events registered later.
     *
     * @throws IllegalArgumentException when an item matches no registered event; nothing is changed then
     */
    public void enableFromCommandLine(String spec) {
        registry.enableFromCommandLine(spec);
    }

    /** Records {@code text} as writing {@code trace_marker} does (ftrace print, {@code tracing_mark_write: text}). */
    public void marker(String text) {
        requireNonNull(text, "text is null");
        if (registry.tracingOn()) {
            printEvent.emitUnconditionally("tracing_mark_write", text);
        }
    }

    /** Called by an armed event: appends it to the emitting CPU's buffer. */
    void record(RegisteredEvent event, Object[] values) {
        int cpu = context.cpu();
        if (cpu < 0 || cpu >= nrCpus) {
            throw new IllegalStateException("trace event emitted on CPU " + cpu + " of a machine with "
                    + nrCpus + " CPUs; the task context reports a wrong CPU");
        }
        RingBuffer buffer = buffers.get(cpu);
        if (buffer == null) {
            buffers.compareAndSet(cpu, null, new RingBuffer(cpu, bufferSizeKb * 1024L));
            buffer = buffers.get(cpu);
        }
        buffer.add(event, values, context.nanoTime(), context.comm(), context.pid(), context.irqsOff(), context.preemptDepth(),
                emitted.getAndIncrement());
    }

    /**
     * Returns every buffered record, merged in timestamp order, then emission order: under a virtual
     * clock many events share a timestamp, and the order they were emitted in is the true one.
     */
    public List<TraceRecord> records() {
        List<TraceRecord> records = new ArrayList<>();
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            RingBuffer buffer = buffers.get(cpu);
            if (buffer != null) {
                buffer.snapshot(records);
            }
        }
        records.sort(Comparator.comparingLong(TraceRecord::timestampNs).thenComparingLong(TraceRecord::sequence));
        return records;
    }

    /** Adds rules the formatters use to find spans and state changes; earlier rules win. */
    public void addRules(TraceRules rules) {
        this.rules.add(requireNonNull(rules, "rules is null"));
    }

    /** Returns whether events are recorded ({@code tracing_on}). */
    public boolean tracingOn() {
        return registry.tracingOn();
    }

    /** Turns recording on or off without changing any event's enable flag. */
    public void setTracingOn(boolean on) {
        registry.setTracingOn(on);
    }

    /** The clocks {@code trace_clock} offers (x86 adds {@code x86-tsc}); timestamps come from the host's clock whichever is chosen. */
    private volatile List<String> traceClocks = List.of("local", "global", "counter", "uptime", "perf", "mono", "mono_raw", "boot", "tai");
    private volatile String traceClock = "local";

    /**
     * Gives events the ids a kernel gave them ({@code system:name} to id, e.g. {@code cpuhp:cpuhp_exit}
     * 135 on 6.1 x86_64); call before they are registered. Other events skip those ids.
     */
    public void fixEventIds(java.util.Map<String, Integer> ids) {
        registry.fixIds(ids);
    }

    /** Sets the clocks {@code trace_clock} lists, e.g. with {@code x86-tsc} on x86. */
    public void setTraceClocks(List<String> clocks) {
        traceClocks = List.copyOf(clocks);
    }

    /** Returns the {@code trace_clock} file: every clock, the current one in brackets. */
    public String traceClockFile() {
        StringBuilder out = new StringBuilder();
        for (String clock : traceClocks) {
            out.append(out.length() == 0 ? "" : " ").append(clock.equals(traceClock) ? "[" + clock + "]" : clock);
        }
        return out.append('\n').toString();
    }

    /** Selects the trace clock by name ({@code trace_clock=} or a write to the file); EINVAL-like for an unknown one. */
    public void setTraceClock(String name) {
        if (!traceClocks.contains(name)) {
            throw new TraceFsException(TraceFsException.Kind.INVALID_ARGUMENT, "unknown trace clock '" + name + "'; one of " + String.join(" ", traceClocks));
        }
        traceClock = name;
    }

    /** Returns the per-CPU buffer size in kilobytes. */
    public int bufferSizeKb() {
        return bufferSizeKb;
    }

    /** Sets the per-CPU buffer size in kilobytes; like the kernel here, resizing empties the buffers. */
    public void setBufferSizeKb(int kilobytes) {
        if (kilobytes < 1) {
            throw new IllegalArgumentException("buffer size must be at least 1 KB, got " + kilobytes);
        }
        bufferSizeKb = kilobytes;
        resetBuffers();
    }

    /** Empties every buffer and resets its counts, as {@code echo > trace} does. */
    public void clear() {
        resetBuffers();
    }

    private void resetBuffers() {
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            RingBuffer buffer = buffers.get(cpu);
            if (buffer != null) {
                buffer.reset(bufferSizeKb * 1024L);
            }
        }
    }

    /** Returns the entries now in each CPU's buffer, indexed by CPU. */
    public long[] entriesPerCpu() {
        long[] entries = new long[nrCpus];
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            RingBuffer buffer = buffers.get(cpu);
            entries[cpu] = buffer == null ? 0 : buffer.entries();
        }
        return entries;
    }

    /** Returns the entries ever written to each CPU's buffer since it was last cleared, indexed by CPU. */
    public long[] writtenPerCpu() {
        long[] written = new long[nrCpus];
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            RingBuffer buffer = buffers.get(cpu);
            written[cpu] = buffer == null ? 0 : buffer.written();
        }
        return written;
    }

    /** Returns how many entries were overwritten (or too large to keep) since the buffers were last cleared. */
    public long lost() {
        return Arrays.stream(writtenPerCpu()).sum() - Arrays.stream(entriesPerCpu()).sum();
    }

    /** Returns what reading the {@code trace} file shows. */
    public String formatText() {
        return FtraceText.format(records(), Arrays.stream(entriesPerCpu()).sum(),
                Arrays.stream(writtenPerCpu()).sum(), nrCpus);
    }

    /** Returns the spans the rules find in the buffered records, in start order. */
    public List<Span> spans() {
        return analyze(records()).spans();
    }

    /** Returns latency statistics of the spans the rules find, grouped by label and category. */
    public LatencyStats latency() {
        return LatencyStats.of(spans());
    }

    private SpanAnalysis analyze(List<TraceRecord> records) {
        return new SpanAnalysis(records, List.copyOf(rules), nrCpus);
    }

    /** Writes the buffered records in {@code format}. */
    public void write(TraceFormat format, Writer writer) throws IOException {
        requireNonNull(format, "format is null");
        requireNonNull(writer, "writer is null");
        long[] entries = entriesPerCpu();
        long[] written = writtenPerCpu();
        List<TraceRecord> records = records();
        switch (format) {
            case TEXT -> writer.write(FtraceText.format(records, Arrays.stream(entries).sum(),
                    Arrays.stream(written).sum(), nrCpus));
            case JSON_LINES -> JsonLines.write(writer, records);
            case CHROME_JSON -> ChromeTrace.write(writer, analyze(records));
            case HTML -> {
                SpanAnalysis analysis = analyze(records);
                HtmlReport.write(writer, analysis, LatencyStats.of(analysis.spans()), entries, written);
            }
        }
        writer.flush();
    }

    /**
     * Writes the buffered records to {@code file} in the format its extension selects: {@code .txt},
     * {@code .json}, {@code .html} or {@code .jsonl}.
     *
     * @throws IllegalArgumentException for any other extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file) {
        requireNonNull(file, "file is null");
        String name = String.valueOf(file.getFileName());
        TraceFormat format = TraceFormat.forFileName(name).orElseThrow(() -> new IllegalArgumentException(
                "cannot tell the trace format of " + file + "; name it *.txt (ftrace text), *.json (Chrome trace),"
                        + " *.html (report) or *.jsonl (JSON lines)"));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(format, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace to " + file + ": " + e.getMessage(), e);
        }
    }
}
