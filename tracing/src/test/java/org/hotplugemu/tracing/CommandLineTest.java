package org.hotplugemu.tracing;

import org.hotplugemu.api.trace.EventDefinition;
import org.hotplugemu.api.trace.TraceEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final Tracing tracing = new Tracing(new TestingTaskContext(), 1);
    private final TestingCpuhpEvents cpuhp = new TestingCpuhpEvents(tracing.tracer());
    private final TraceEvent tick = tracing.tracer().register(new EventDefinition("timer", "tick", List.of(), "t"));

    @Test
    void systemWildcardEnablesEveryEventOfTheSystem() {
        tracing.enableFromCommandLine("cpuhp:*");

        assertThat(List.of(cpuhp.enter, cpuhp.multiEnter, cpuhp.exit)).allMatch(TraceEvent::isEnabled);
        assertThat(tick.isEnabled()).isFalse();
    }

    @Test
    void itemsNameOneEventAnySystemOrEverything() {
        tracing.enableFromCommandLine("cpuhp:cpuhp_exit, :tick");
        assertThat(cpuhp.exit.isEnabled()).isTrue();
        assertThat(cpuhp.enter.isEnabled()).isFalse();
        assertThat(tick.isEnabled()).isTrue();

        tracing.enableFromCommandLine("*:*");
        assertThat(tracing.tracer().events()).allMatch(TraceEvent::isEnabled);
    }

    @Test
    void unknownItemsAreRejectedWithoutEnablingAnything() {
        assertThatThrownBy(() -> tracing.enableFromCommandLine("cpuhp:cpuhp_enter,cpuhp:nosuch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuch");
        assertThat(cpuhp.enter.isEnabled()).isFalse();
    }

    @Test
    void matchingEventsRegisteredLaterAreEnabledToo() {
        tracing.enableFromCommandLine("timer:*");
        TraceEvent later = tracing.tracer().register(new EventDefinition("timer", "expire", List.of(), "e"));

        assertThat(later.isEnabled()).isTrue();
    }
}
