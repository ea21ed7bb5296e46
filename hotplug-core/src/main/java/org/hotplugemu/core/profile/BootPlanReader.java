package org.hotplugemu.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a profile's optional {@code boot} object:
 * <pre>
 * "boot": { "bootCpuTarget": "offline" | "online",
 *           "registrations": [ {"name": "mm/writeback:online", "phase": "early" | "beforeSmp" | "afterSmp",
 *                               "calls": true (optional), "irqsOff": true (optional, early only),
 *                               "preemptDepth": 1 (optional, early only)}, ... ] }
 * </pre>
 * Problems are appended to the loader's list, one line each.
 */
final class BootPlanReader {
    private static final Set<String> BOOT_FIELDS = Set.of("bootCpuTarget", "registrations");
    private static final Set<String> STEP_FIELDS = Set.of("name", "phase", "calls", "irqsOff", "preemptDepth");

    private BootPlanReader() {
    }

    static BootPlan read(JsonNode node, List<String> problems) {
        if (node == null) {
            return BootPlan.NONE;
        }
        if (!node.isObject()) {
            problems.add("$.boot: must be an object with bootCpuTarget and registrations");
            return BootPlan.NONE;
        }
        unknown(node, "$.boot", BOOT_FIELDS, problems);
        boolean targetOnline = true;
        JsonNode target = node.get("bootCpuTarget");
        if (target != null) {
            if (target.isTextual() && (target.asText().equals("online") || target.asText().equals("offline"))) {
                targetOnline = target.asText().equals("online");
            } else {
                problems.add("$.boot.bootCpuTarget: must be \"online\" or \"offline\"");
            }
        }
        List<BootStep> steps = new ArrayList<>();
        JsonNode list = node.get("registrations");
        if (list != null && !list.isArray()) {
            problems.add("$.boot.registrations: must be an array");
        } else if (list != null) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                BootStep step = step(list.get(i), "$.boot.registrations[" + i + "]", problems);
                if (step != null && !names.add(step.name())) {
                    problems.add("$.boot.registrations[" + i + "]: " + step.name() + " is listed twice");
                } else if (step != null) {
                    steps.add(step);
                }
            }
        }
        return new BootPlan(targetOnline, steps);
    }

    private static BootStep step(JsonNode entry, String path, List<String> problems) {
        if (!entry.isObject()) {
            problems.add(path + ": must be an object with name and phase");
            return null;
        }
        unknown(entry, path, STEP_FIELDS, problems);
        JsonNode name = entry.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(path + ".name: missing or not a non-empty string");
            return null;
        }
        BootPhase phase = entry.has("phase") ? BootPhase.fromJson(entry.get("phase").asText()) : null;
        if (phase == null) {
            problems.add(path + ".phase: must be \"early\", \"beforeSmp\" or \"afterSmp\"");
            return null;
        }
        Optional<Boolean> calls = Optional.empty();
        if (entry.has("calls")) {
            if (!entry.get("calls").isBoolean()) {
                problems.add(path + ".calls: must be true or false");
                return null;
            }
            calls = Optional.of(entry.get("calls").booleanValue());
        }
        boolean irqsOff = entry.path("irqsOff").asBoolean(false);
        int preemptDepth = entry.path("preemptDepth").asInt(0);
        if ((irqsOff || preemptDepth != 0) && phase != BootPhase.EARLY) {
            problems.add(path + ": irqsOff and preemptDepth describe the boot context and need phase \"early\"");
            return null;
        }
        if (preemptDepth < 0 || preemptDepth > 15) {
            problems.add(path + ".preemptDepth: must be 0..15");
            return null;
        }
        return new BootStep(name.asText(), phase, calls, irqsOff, preemptDepth);
    }

    private static void unknown(JsonNode node, String path, Set<String> allowed, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(path + "." + field + ": unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
