package org.hotplugemu.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a profile's optional {@code costs} object (see {@link CostModel}); problems go to the loader's list. */
final class CostModelReader {
    private CostModelReader() {
    }

    static CostModel read(JsonNode node, List<String> problems) {
        if (node == null) {
            return CostModel.NONE;
        }
        if (!node.isObject()) {
            problems.add("$.costs: must be an object with defaultNs and callbacks");
            return CostModel.NONE;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("defaultNs") && !field.equals("callbacks") && !field.equals("source")) {
                problems.add("$.costs." + field + ": unknown field (allowed: callbacks, defaultNs, source)");
            }
        }
        long defaultNs = nanos(node, "defaultNs", "$.costs", CostModel.NONE.defaultNs(), problems);
        Map<String, CostModel.Cost> callbacks = new TreeMap<>();
        JsonNode list = node.get("callbacks");
        if (list != null && !list.isObject()) {
            problems.add("$.costs.callbacks: must be an object from symbol to cost");
        } else if (list != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String path = "$.costs.callbacks." + entry.getKey();
                JsonNode cost = entry.getValue();
                if (!cost.isObject() || !cost.has("runtimeNs")) {
                    problems.add(path + ": must be an object with runtimeNs (and optional bootNs, jitter)");
                    continue;
                }
                long runtime = nanos(cost, "runtimeNs", path, 0, problems);
                long boot = nanos(cost, "bootNs", path, runtime, problems);
                double jitter = cost.path("jitter").asDouble(0);
                if (!(jitter >= 0 && jitter <= 1)) {
                    problems.add(path + ".jitter: must be within 0..1");
                    continue;
                }
                callbacks.put(entry.getKey(), new CostModel.Cost(runtime, boot, jitter));
            }
        }
        return new CostModel(defaultNs, callbacks);
    }

    private static long nanos(JsonNode node, String field, String path, long fallback, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            problems.add(path + "." + field + ": must be a non-negative integer (nanoseconds)");
            return fallback;
        }
        return value.longValue();
    }
}
