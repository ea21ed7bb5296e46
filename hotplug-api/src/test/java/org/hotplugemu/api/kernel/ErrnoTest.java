package org.hotplugemu.api.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrnoTest {
    @Test
    void namedErrnosPrintGlibcsText() {
        assertThat(Errno.EPERM.text()).isEqualTo("Operation not permitted");
        assertThat(Errno.EINVAL.text()).isEqualTo("Invalid argument");
        assertThat(Errno.EAGAIN.text()).isEqualTo("Resource temporarily unavailable");
        assertThat(Errno.of(100).text()).isEqualTo("Network is down");
        assertThat(Errno.of(133).text()).isEqualTo("Memory page has hardware error");
    }

    @Test
    void kernelInternalErrnosHaveANameButPrintAsUnknownError() {
        assertThat(Errno.ENOTSUPP.number()).isEqualTo(524);
        assertThat(Errno.ENOTSUPP.name()).isEqualTo("ENOTSUPP");
        assertThat(Errno.ENOTSUPP.text()).isEqualTo("Unknown error 524");
        assertThat(Errno.EPROBE_DEFER.text()).isEqualTo("Unknown error 517");
    }

    @Test
    void anyPositiveNumberIsAnErrno() {
        Errno errno = Errno.of(4095);

        assertThat(errno.number()).isEqualTo(4095);
        assertThat(errno.text()).isEqualTo("Unknown error 4095");
        assertThat(errno.name()).isEqualTo("errno 4095");
        assertThat(Errno.of(41).text()).isEqualTo("Unknown error 41");
    }

    @Test
    void numbersRoundTripToTheSameConstant() {
        assertThat(Errno.of(22)).isSameAs(Errno.EINVAL);
        assertThat(Errno.of(524)).isSameAs(Errno.ENOTSUPP);
        assertThat(Errno.ofNumber(-524)).isSameAs(Errno.ENOTSUPP);
        assertThat(Errno.ofNumber(new HotplugException(Errno.ENOTSUPP, "x").returnValue())).isSameAs(Errno.ENOTSUPP);
        assertThat(Errno.of(9999)).isEqualTo(Errno.of(9999)).hasSameHashCodeAs(Errno.of(9999));
    }

    @Test
    void toStringIsTheSymbolicNameMessagesUse() {
        assertThat("failed with " + Errno.EINVAL).isEqualTo("failed with EINVAL");
        assertThat(Errno.ENOTSUPP).hasToString("ENOTSUPP");
    }

    @Test
    void symbolicNamesParseBackToTheirErrno() {
        assertThat(Errno.valueOf("ENOTSUPP")).isSameAs(Errno.ENOTSUPP);
        assertThat(Errno.valueOf(Errno.of(100).name())).isEqualTo(Errno.of(100));
        assertThatThrownBy(() -> Errno.valueOf("EWHATEVER")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EWHATEVER");
    }

    @Test
    void zeroAndNegativeNumbersAreNoErrno() {
        assertThatThrownBy(() -> Errno.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Errno.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Errno.ofNumber(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
