package org.hotplugemu.drivers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reference kernel data of one kernel ({@code linux-6.1-x86_64}, ...): its hotplug/states table and its traced offline/online of CPU 1. */
record ReferenceKernel(Map<Integer, String> states, List<TracedCall> calls) {
    /** One traced callback invocation for CPU 1: going up (startup) or down (teardown). */
    record TracedCall(boolean up, int step, String symbol, boolean multi) {
    }

    /** States the core registers itself; drivers own every other name. */
    static final List<String> CORE_STATES = List.of("offline", "threads:prepare", "cpu:bringup", "idle:dead", "ap:offline",
            "sched:starting", "ap:online", "cpu:teardown", "sched:waitempty", "smpboot/threads:online", "sched:active", "online");

    private static final Pattern STATE = Pattern.compile("\\s*(\\d+): (.+)");
    private static final Pattern ENTER = Pattern.compile(
            "(cpuhp_enter|cpuhp_multi_enter): cpu: 0001 target: +(\\d+) step: +(\\d+) \\((\\w+)\\)");

    static ReferenceKernel load(String kernel) {
        Map<Integer, String> states = new LinkedHashMap<>();
        for (String line : read(kernel + "/states.txt")) {
            Matcher matcher = STATE.matcher(line);
            if (matcher.matches()) {
                states.put(Integer.parseInt(matcher.group(1)), matcher.group(2));
            }
        }
        List<TracedCall> calls = new ArrayList<>();
        for (String line : read(kernel + "/trace-offline-online.txt")) {
            Matcher matcher = ENTER.matcher(line);
            if (matcher.find()) {
                boolean up = Integer.parseInt(matcher.group(2)) == 236;
                calls.add(new TracedCall(up, Integer.parseInt(matcher.group(3)), matcher.group(4), matcher.group(1).contains("multi")));
            }
        }
        return new ReferenceKernel(states, calls);
    }

    private static List<String> read(String resource) {
        try (InputStream in = ReferenceKernel.class.getResourceAsStream("/reference/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /reference/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether a state runs in STARTING/DYING, where the reference trace shows nothing. */
    static boolean atomic(int state) {
        return state >= 92 && state <= 152;
    }

    /** Returns the traced symbols of {@code step} in one direction, in trace order. */
    List<TracedCall> at(int step, boolean up) {
        return calls.stream().filter(call -> call.step() == step && call.up() == up).toList();
    }
}
