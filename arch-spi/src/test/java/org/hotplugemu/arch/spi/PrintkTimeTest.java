package org.hotplugemu.arch.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintkTimeTest {
    @Test
    void stampIsFiveWideSecondsAndSixDigitMicros() {
        assertThat(PrintkTime.stamp(0)).isEqualTo("[    0.000000]");
        assertThat(PrintkTime.stamp(1_000)).isEqualTo("[    0.000001]");
        assertThat(PrintkTime.stamp(12_345_678_999L)).isEqualTo("[   12.345678]");
        assertThat(PrintkTime.stamp(99_999_999_999_999L)).isEqualTo("[99999.999999]");
        assertThat(PrintkTime.stamp(123_456_000_000_000L)).isEqualTo("[123456.000000]");
    }

    @Test
    void truncatesToTheMicrosecondLikePrintTime() {
        assertThat(PrintkTime.seconds(1_999)).isEqualTo("0.000001");
        assertThat(PrintkTime.seconds(999)).isEqualTo("0.000000");
        assertThat(PrintkTime.seconds(3_000_000_000L)).isEqualTo("3.000000");
    }

    @Test
    void lineIsStampSpaceMessage() {
        assertThat(PrintkTime.line(5_000_000, "smpboot: CPU 1 is now offline"))
                .isEqualTo("[    0.005000] smpboot: CPU 1 is now offline")
                .isEqualTo(String.format("[%5d.%06d] %s", 0, 5000, "smpboot: CPU 1 is now offline"));
    }
}
