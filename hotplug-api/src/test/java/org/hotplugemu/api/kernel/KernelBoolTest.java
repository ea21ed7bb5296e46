package org.hotplugemu.api.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelBoolTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "1\n", "y", "Y", "yes", "t", "T", "true", "on", "ON", "oN\n", "e", "enable", "E", "1abc", "yolo"})
    void trueWhereTheKernelReadsTrue(String text) {
        assertThat(KernelBool.parse(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0\n", "n", "N", "no", "f", "F", "false", "off", "OFF", "of", "d", "disable", "D", "0x1", "nope"})
    void falseWhereTheKernelReadsFalse(String text) {
        assertThat(KernelBool.parse(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", " 1", "2", "o", "o\n", "ox", "x", "-1", "+1", "\t0"})
    void einvalOtherwise(String text) {
        assertThat(KernelBool.parseOrNull(text)).isNull();
        assertThatThrownBy(() -> KernelBool.parse(text))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }
}
