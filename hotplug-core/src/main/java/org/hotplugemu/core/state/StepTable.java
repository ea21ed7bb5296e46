package org.hotplugemu.core.state;

import org.hotplugemu.core.profile.Profile;
import org.hotplugemu.core.profile.StateDefinition;

/** The live {@code cpuhp_hp_states} table: one {@link Step} per state number of the profile. */
final class StepTable {
    private final Step[] steps;

    StepTable(Profile profile) {
        this.steps = new Step[profile.online() + 1];
        for (int number = 0; number < steps.length; number++) {
            boolean cantStop = profile.byNumber(number).map(StateDefinition::cantStop).orElse(false);
            steps[number] = new Step(number, cantStop);
        }
    }

    Step get(int state) {
        return steps[state];
    }

    int size() {
        return steps.length;
    }

    /** Returns {@code "%3d: %s\n"} for every named step, as {@code hotplug/states} prints them. */
    String render() {
        StringBuilder out = new StringBuilder(4096);
        for (Step step : steps) {
            String name = step.name;
            if (name != null) {
                out.append(String.format("%3d: %s%n", step.number, name));
            }
        }
        return out.toString();
    }
}
