package org.hotplugemu.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotplugemu.tracing.TraceRecord;
import org.hotplugemu.tracing.TraceRules;

/**
 * How to read the cpuhp tracepoints: {@code cpuhp_enter} and {@code cpuhp_multi_enter} open a span
 * labelled {@code "<idx> <fun>"}, going "up" when the target is at or above the step and "down"
 * otherwise; {@code cpuhp_exit} closes it, failed when {@code ret} is not zero, and moves the track
 * {@code CPU <cpu>} to the exit's {@code state}.
 *
 * <p>Experimental.
 */
public final class CpuhpTraceRules implements TraceRules {
    private static final String SYSTEM = "cpuhp";

    /** Creates the rules; they keep no state. */
    public CpuhpTraceRules() {
    }

    private static boolean isEnter(TraceRecord record) {
        return record.system().equals(SYSTEM)
                && (record.name().equals("cpuhp_enter") || record.name().equals("cpuhp_multi_enter"));
    }

    @Override
    public Optional<SpanStart> onBegin(TraceRecord record) {
        if (!isEnter(record)) {
            return Optional.empty();
        }
        long idx = record.longValue("idx");
        String direction = record.longValue("target") >= idx ? "up" : "down";
        return Optional.of(new SpanStart(idx + " " + record.stringValue("fun"), direction,
                Optional.of(track(record))));
    }

    @Override
    public boolean isEnd(TraceRecord record) {
        return record.is(SYSTEM, "cpuhp_exit");
    }

    @Override
    public Optional<String> error(TraceRecord end) {
        long ret = end.longValue("ret");
        return ret == 0 ? Optional.empty()
                : Optional.of("ret " + ret + " at step " + end.longValue("idx") + ", state " + end.longValue("state"));
    }

    @Override
    public Optional<StateChange> stateChange(TraceRecord record) {
        if (!isEnd(record)) {
            return Optional.empty();
        }
        long state = record.longValue("state");
        return Optional.of(new StateChange(track(record), state, Long.toString(state)));
    }

    @Override
    public List<String> initialTracks(int nrCpus) {
        List<String> tracks = new ArrayList<>(nrCpus);
        for (int cpu = 0; cpu < nrCpus; cpu++) {
            tracks.add("CPU " + cpu);
        }
        return tracks;
    }

    private static String track(TraceRecord record) {
        return "CPU " + record.longValue("cpu");
    }
}
