package org.hotplugemu.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.hotplugemu.api.sched.Completion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EngineInputErrorsTest {
    @Test
    void unknownEngineNameIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> Engines.create("x", EngineOptions.defaults()))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessage("unknown engine 'x': use one of sim, threads");
        assertThat(Engines.names()).containsExactly("sim", "threads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void negativeDurationIsRejectedNamingTheValueAndTheThread(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            assertThatThrownBy(() -> engine.execute("control", 0, () -> engine.sleep(Duration.ofMillis(-5))))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                    .hasMessageContaining("PT-0.005S")
                    .hasMessageContaining("'control'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void absurdDurationIsRejected(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            assertThatThrownBy(() -> engine.advance(Duration.ofDays(365)))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                    .hasMessageContaining("absurd");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void primitiveCalledFromNonEmulatedThreadIsRejected(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            String thread = Thread.currentThread().getName();
            Completion completion = engine.newCompletion("c");

            assertThatThrownBy(() -> engine.sleep(Duration.ofMillis(1)))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM))
                    .hasMessage("sleep called from non-emulated thread '" + thread
                            + "'; run it inside Engine.execute");
            assertThatThrownBy(completion::complete)
                    .isInstanceOf(HotplugException.class)
                    .hasMessageStartingWith("complete called from non-emulated thread");
            assertThatThrownBy(engine::current).isInstanceOf(HotplugException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void taskContextFromNonEmulatedThreadDescribesTheOutside(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            assertThat(engine.cpu()).isZero();
            assertThat(engine.pid()).isZero();
            assertThat(engine.comm()).isEqualTo("<external>");
            assertThat(engine.irqsOff()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "threads"})
    void executeFromAnEmulatedThreadIsRejected(String name) {
        try (Engine engine = Engines.create(name, EngineOptions.defaults())) {
            assertThatThrownBy(() -> engine.execute("outer", 0, () -> engine.execute("inner", 0, () -> { })))
                    .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM))
                    .hasMessageContaining("'outer'");
        }
    }
}
