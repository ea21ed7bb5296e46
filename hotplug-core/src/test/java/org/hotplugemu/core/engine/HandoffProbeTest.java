package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffProbeTest {
    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void measuresAPositiveCostPerHandoff(String engine) {
        assertThat(HandoffProbe.measure(engine, 1000)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -4})
    void rejectsTooFewHandoffs(int handoffs) {
        assertThatThrownBy(() -> HandoffProbe.measure("sim", handoffs)).isInstanceOf(HotplugException.class);
    }
}
