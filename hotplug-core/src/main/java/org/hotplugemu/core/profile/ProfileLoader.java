package org.hotplugemu.core.profile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.arch.spi.KernelVersion;

/**
 * Reads a {@link Profile} from JSON and validates it, reporting every problem at once as one
 * numbered list (EINVAL), so a user fixes a hand-written profile in one pass.
 *
 * <p>Schema (all fields required unless marked optional; unknown fields are rejected):
 * <pre>
 * { "name": "linux-6.1-x86_64", "kernel": "6.1", "arch": "x86" | "arm64", "description": "...",
 *   "states": [ {"number": 0, "enum": "CPUHP_OFFLINE", "name": "offline"(optional), "cantStop": true(optional)}, ... ],
 *   "dynamic": { "bpPrepareDyn": {"first": 70, "last": 90}, "apOnlineDyn": {"first": 201, "last": 231} },
 *   "bootRegistrations": [ {"number": 201, "name": "mm/writeback:online"}, ... ],
 *   "boot": {...} (optional, see {@link BootPlan}), "costs": {...} (optional, see {@link CostModel}),
 *   "nrCpus": 8192 (optional: the kernel's CONFIG_NR_CPUS; cpu/kernel_max shows one less),
 *   "eventIds": {"cpuhp:cpuhp_exit": 135, ...} (optional: the kernel's trace event ids),
 *   "banner": "Linux version ..." (optional: the kernel's {@code /proc/version}, first line of dmesg) }
 * </pre>
 * {@code states} lists every {@code enum cpuhp_state} entry in ascending order, including the
 * dynamic range bases and ends; the slots between them are not enum entries. A state's
 * {@code name} is what the reference boot showed for a static state; names of dynamic slots are
 * in {@code bootRegistrations}, in slot (= registration) order.
 *
 * <p>Experimental.
 */
public final class ProfileLoader {
    private static final Set<String> TOP_FIELDS =
            Set.of("name", "kernel", "arch", "description", "states", "dynamic", "bootRegistrations", "boot", "costs", "nrCpus", "eventIds", "banner");
    private static final Set<String> STATE_FIELDS = Set.of("number", "enum", "name", "cantStop");
    private static final Set<String> DYNAMIC_FIELDS = Set.of("bpPrepareDyn", "apOnlineDyn");
    private static final Set<String> RANGE_FIELDS = Set.of("first", "last");
    private static final Set<String> REGISTRATION_FIELDS = Set.of("number", "name");

    private ProfileLoader() {
    }

    /**
     * Loads and validates a profile file.
     *
     * @throws HotplugException ENOENT when the file does not exist, EINVAL when it is not a valid profile
     */
    public static Profile load(Path file) {
        requireNonNull(file, "file is null");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new HotplugException(Errno.ENOENT, "profile file " + file + " does not exist;"
                    + " give a built-in profile name (" + String.join(", ", Profiles.builtInNames()) + ") or an existing JSON file");
        } catch (IOException e) {
            throw new HotplugException(Errno.EIO, "cannot read profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads and validates a profile from a JSON stream; {@code source} names it in messages.
     *
     * @throws HotplugException EINVAL listing every problem found
     */
    public static Profile load(InputStream json, String source) {
        return load(json, source, null);
    }

    /**
     * Loads a profile an architecture plugin ships: its {@code arch} may also be {@code pluginArch},
     * the plugin's own architecture name.
     */
    static Profile load(InputStream json, String source, String pluginArch) {
        requireNonNull(json, "json is null");
        requireNonNull(source, "source is null");
        JsonNode root;
        try {
            root = JsonTree.read(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new HotplugException(Errno.EINVAL,
                    "profile " + source + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HotplugException(Errno.EIO, "cannot read profile " + source + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add("$: the profile must be a JSON object");
            throw invalid(source, problems);
        }
        checkFields(root, "$", TOP_FIELDS, problems);
        String name = text(root, "name", "$", problems);
        String kernel = text(root, "kernel", "$", problems);
        String arch = text(root, "arch", "$", problems);
        String description = text(root, "description", "$", problems);
        if (kernel != null) {
            try {
                KernelVersion.parse(kernel);
            } catch (HotplugException e) {
                problems.add("$.kernel: \"" + kernel + "\" is not a kernel version MAJOR.MINOR (e.g. \"6.12\")");
            }
        }
        String banner = null;
        if (root.has("banner")) {
            banner = text(root, "banner", "$", problems);
            if (banner != null && !banner.startsWith("Linux version ")) {
                problems.add("$.banner: must be the kernel's banner, starting with \"Linux version \"");
            }
        }
        if (arch != null && !arch.equals("x86") && !arch.equals("arm64") && !arch.equals(pluginArch)) {
            problems.add("$.arch: \"" + arch + "\" is not a known architecture (use \"x86\" or \"arm64\""
                    + (pluginArch == null ? "" : " or \"" + pluginArch + "\"") + ")");
        }
        List<StateDefinition> states = readStates(root.get("states"), problems);
        RawRange bp = readRange(root.path("dynamic"), "bpPrepareDyn", problems);
        RawRange ap = readRange(root.path("dynamic"), "apOnlineDyn", problems);
        if (!root.has("dynamic")) {
            problems.add("$.dynamic: missing (needs bpPrepareDyn and apOnlineDyn ranges)");
        } else {
            checkFields(root.get("dynamic"), "$.dynamic", DYNAMIC_FIELDS, problems);
        }
        List<BootRegistration> registrations = readRegistrations(root.get("bootRegistrations"), problems);
        BootPlan bootPlan = BootPlanReader.read(root.get("boot"), problems);
        int nrCpus = Profile.DEFAULT_NR_CPUS;
        if (root.has("nrCpus")) {
            Integer value = integer(root, "nrCpus", "$", problems);
            if (value != null && value < 1) {
                problems.add("$.nrCpus: must be at least 1 (CONFIG_NR_CPUS)");
            } else if (value != null) {
                nrCpus = value;
            }
        }
        CostModel costs = CostModelReader.read(root.get("costs"), problems);
        new ProfileValidator(states, bp, ap, registrations, problems).validate();
        if (!problems.isEmpty()) {
            throw invalid(source, problems);
        }
        return new Profile(name, kernel, arch, description, states,
                new DynamicRange("CPUHP_BP_PREPARE_DYN", bp.first(), bp.last()),
                new DynamicRange("CPUHP_AP_ONLINE_DYN", ap.first(), ap.last()), registrations, bootPlan, costs).withNrCpus(nrCpus).withBanner(banner).withEventIds(eventIds(root.get("eventIds"), problems));
    }

    /** {@code "eventIds": {"cpuhp:cpuhp_exit": 135, ...}}: the trace event ids of the kernel. */
    private static java.util.Map<String, Integer> eventIds(JsonNode node, List<String> problems) {
        java.util.Map<String, Integer> ids = new java.util.TreeMap<>();
        if (node == null) {
            return ids;
        }
        if (!node.isObject()) {
            problems.add("$.eventIds: must be an object from \"system:event\" to id");
            return ids;
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getKey().contains(":") || !entry.getValue().canConvertToInt() || entry.getValue().intValue() < 1) {
                problems.add("$.eventIds." + entry.getKey() + ": must be \"system:event\": positive id");
            } else {
                ids.put(entry.getKey(), entry.getValue().intValue());
            }
        });
        return ids;
    }

    /** A range as written, before it is known to be valid. */
    record RawRange(String path, int first, int last) {
    }

    private static List<StateDefinition> readStates(JsonNode node, List<String> problems) {
        List<StateDefinition> states = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add("$.states: missing or not an array (list every enum cpuhp_state entry)");
            return states;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String path = "$.states[" + i + "]";
            if (!entry.isObject()) {
                problems.add(path + ": must be an object with number and enum");
                continue;
            }
            checkFields(entry, path, STATE_FIELDS, problems);
            Integer number = integer(entry, "number", path, problems);
            String enumName = text(entry, "enum", path, problems);
            String name = optionalText(entry, "name", path, problems);
            boolean cantStop = false;
            if (entry.has("cantStop")) {
                if (entry.get("cantStop").isBoolean()) {
                    cantStop = entry.get("cantStop").booleanValue();
                } else {
                    problems.add(path + ".cantStop: must be true or false");
                }
            }
            if (number != null && enumName != null && number >= 0) {
                states.add(new StateDefinition(number, enumName, name, cantStop));
            } else if (number != null && number < 0) {
                problems.add(path + " (" + enumName + "): number " + number + " is negative");
            }
        }
        return states;
    }

    private static RawRange readRange(JsonNode dynamic, String field, List<String> problems) {
        String path = "$.dynamic." + field;
        JsonNode node = dynamic.get(field);
        if (node == null || !node.isObject()) {
            if (!dynamic.isMissingNode()) {
                problems.add(path + ": missing (an object with first and last)");
            }
            return new RawRange(path, 0, -1);
        }
        checkFields(node, path, RANGE_FIELDS, problems);
        Integer first = integer(node, "first", path, problems);
        Integer last = integer(node, "last", path, problems);
        return new RawRange(path, first == null ? 0 : first, last == null ? -1 : last);
    }

    private static List<BootRegistration> readRegistrations(JsonNode node, List<String> problems) {
        List<BootRegistration> registrations = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add("$.bootRegistrations: missing or not an array (use [] when the boot registered none)");
            return registrations;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String path = "$.bootRegistrations[" + i + "]";
            if (!entry.isObject()) {
                problems.add(path + ": must be an object with number and name");
                continue;
            }
            checkFields(entry, path, REGISTRATION_FIELDS, problems);
            Integer number = integer(entry, "number", path, problems);
            String name = text(entry, "name", path, problems);
            if (number != null && name != null) {
                registrations.add(new BootRegistration(number, name));
            }
        }
        return registrations;
    }

    private static void checkFields(JsonNode node, String path, Set<String> allowed, List<String> problems) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                unknown.add(field);
            }
        }
        for (String field : unknown) {
            problems.add(path + "." + field + ": unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }

    private static String text(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(path + "." + field + ": missing or not a non-empty string");
            return null;
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String path, List<String> problems) {
        return node.has(field) ? text(node, field, path, problems) : null;
    }

    private static Integer integer(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add(path + "." + field + ": missing or not an integer");
            return null;
        }
        return value.intValue();
    }

    private static HotplugException invalid(String source, List<String> problems) {
        StringBuilder message = new StringBuilder("profile ").append(source).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (int i = 0; i < problems.size(); i++) {
            message.append('\n').append(i + 1).append(". ").append(problems.get(i));
        }
        return new HotplugException(Errno.EINVAL, message.toString());
    }
}
