package org.hotplugemu.core.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.core.profile.ProfileLoader.RawRange;

/** Checks the cross-entry rules of a parsed profile and appends one line per broken rule. */
final class ProfileValidator {
    /** The core's own steps, in the order the state machine needs them (spec section 1). */
    private static final List<String> SECTION_ORDER = List.of("CPUHP_OFFLINE", "CPUHP_CREATE_THREADS",
            "CPUHP_BRINGUP_CPU", "CPUHP_AP_IDLE_DEAD", "CPUHP_AP_OFFLINE", "CPUHP_AP_ONLINE", "CPUHP_TEARDOWN_CPU",
            "CPUHP_AP_ONLINE_IDLE", "CPUHP_ONLINE");

    private final List<StateDefinition> states;
    private final RawRange bpPrepareDyn;
    private final RawRange apOnlineDyn;
    private final List<BootRegistration> registrations;
    private final List<String> problems;
    private final Map<String, Integer> indexByEnum = new HashMap<>();

    ProfileValidator(List<StateDefinition> states, RawRange bpPrepareDyn, RawRange apOnlineDyn,
            List<BootRegistration> registrations, List<String> problems) {
        this.states = states;
        this.bpPrepareDyn = bpPrepareDyn;
        this.apOnlineDyn = apOnlineDyn;
        this.registrations = registrations;
        this.problems = problems;
    }

    void validate() {
        checkEntries();
        boolean sectionsKnown = checkRequiredAndOrder();
        if (sectionsKnown) {
            checkRange(bpPrepareDyn, "CPUHP_BP_PREPARE_DYN", number("CPUHP_OFFLINE"), number("CPUHP_BRINGUP_CPU"),
                    "the PREPARE section (after CPUHP_OFFLINE, before CPUHP_BRINGUP_CPU)");
            checkRange(apOnlineDyn, "CPUHP_AP_ONLINE_DYN", number("CPUHP_AP_ONLINE_IDLE"), number("CPUHP_ONLINE"),
                    "the ONLINE section (after CPUHP_AP_ONLINE_IDLE, before CPUHP_ONLINE)");
            checkRegistrations();
        }
    }

    private void checkEntries() {
        Integer previous = null;
        for (int i = 0; i < states.size(); i++) {
            StateDefinition state = states.get(i);
            if (previous != null && state.number() <= previous) {
                problems.add(entry(i) + ": number " + state.number() + " is not greater than the previous entry's "
                        + previous + " (numbers must be strictly ascending and unique)");
            }
            previous = state.number();
            if (!state.enumName().startsWith("CPUHP_")) {
                problems.add(entry(i) + ": enum name must start with CPUHP_ (as in include/linux/cpuhotplug.h)");
            }
            Integer first = indexByEnum.putIfAbsent(state.enumName(), i);
            if (first != null) {
                problems.add(entry(i) + ": enum name " + state.enumName() + " is already used by " + entry(first)
                        + " (enum names must be unique)");
            }
        }
    }

    private boolean checkRequiredAndOrder() {
        boolean complete = true;
        for (String required : SECTION_ORDER) {
            if (!indexByEnum.containsKey(required)) {
                problems.add("$.states: required entry " + required + " is missing (the core needs "
                        + String.join(", ", SECTION_ORDER) + ")");
                complete = false;
            }
        }
        if (!complete) {
            return false;
        }
        int offline = indexByEnum.get("CPUHP_OFFLINE");
        if (states.get(offline).number() != 0) {
            problems.add(entry(offline) + ": CPUHP_OFFLINE must have number 0");
        }
        int online = indexByEnum.get("CPUHP_ONLINE");
        if (online != states.size() - 1) {
            problems.add(entry(online) + ": CPUHP_ONLINE must be the last entry");
        }
        // target_store() refuses a cant_stop target, so a cant_stop end state could never be reached by name.
        for (int end : new int[] {offline, online}) {
            if (states.get(end).cantStop()) {
                problems.add(entry(end) + ": must not be cant_stop: it is where a CPU rests, and the cpuN/hotplug/target"
                        + " file refuses cant_stop states");
            }
        }
        boolean ordered = true;
        for (int k = 1; k < SECTION_ORDER.size(); k++) {
            String before = SECTION_ORDER.get(k - 1);
            String after = SECTION_ORDER.get(k);
            if (number(before) >= number(after)) {
                problems.add(entry(indexByEnum.get(after)) + ": section order broken: " + after + " must come after "
                        + before + " (" + number(before) + ")");
                ordered = false;
            }
        }
        return ordered;
    }

    private void checkRange(RawRange range, String base, int sectionStart, int sectionEnd, String section) {
        if (range.first() > range.last()) {
            problems.add(range.path() + ": first " + range.first() + " is greater than last " + range.last());
            return;
        }
        if (range.first() <= sectionStart || range.last() >= sectionEnd) {
            problems.add(range.path() + ": " + range.first() + ".." + range.last() + " is not inside " + section);
        }
        String end = base + "_END";
        expectAt(range, base, range.first(), "first");
        expectAt(range, end, range.last(), "last");
        for (int i = 0; i < states.size(); i++) {
            StateDefinition state = states.get(i);
            boolean inside = state.number() >= range.first() && state.number() <= range.last();
            if (inside && !state.enumName().equals(base) && !state.enumName().equals(end)) {
                problems.add(entry(i) + ": lies inside dynamic range " + range.path() + " " + range.first() + ".."
                        + range.last() + " (only " + base + " and " + end + " may)");
            } else if (inside && state.name() != null) {
                problems.add(entry(i) + ": a dynamic slot must not carry a name; list \"" + state.name()
                        + "\" in bootRegistrations instead");
            }
        }
    }

    private void expectAt(RawRange range, String enumName, int expected, String bound) {
        Integer index = indexByEnum.get(enumName);
        if (index != null && states.get(index).number() != expected) {
            problems.add(entry(index) + ": must equal " + range.path() + "." + bound + " (" + expected + ")");
        }
    }

    private void checkRegistrations() {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < registrations.size(); i++) {
            BootRegistration registration = registrations.get(i);
            String path = "$.bootRegistrations[" + i + "] (number " + registration.number() + ", " + registration.name() + ")";
            boolean inBp = registration.number() >= bpPrepareDyn.first() && registration.number() <= bpPrepareDyn.last();
            boolean inAp = registration.number() >= apOnlineDyn.first() && registration.number() <= apOnlineDyn.last();
            if (!inBp && !inAp) {
                problems.add(path + ": not inside a dynamic range (" + bpPrepareDyn.first() + ".." + bpPrepareDyn.last()
                        + " or " + apOnlineDyn.first() + ".." + apOnlineDyn.last() + ")");
            }
            Integer first = seen.putIfAbsent(registration.number(), i);
            if (first != null) {
                problems.add(path + ": slot " + registration.number() + " is already taken by $.bootRegistrations[" + first + "]");
            }
        }
    }

    private int number(String enumName) {
        return states.get(indexByEnum.get(enumName)).number();
    }

    private String entry(int index) {
        StateDefinition state = states.get(index);
        return "$.states[" + index + "] (number " + state.number() + ", " + state.enumName() + ")";
    }
}
