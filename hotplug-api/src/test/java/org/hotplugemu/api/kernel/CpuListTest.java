package org.hotplugemu.api.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CpuListTest {
    @Test
    void formatsRunsAsPercentPbl() {
        assertThat(CpuList.of(0, 1, 2, 4).format()).isEqualTo("0-2,4");
        assertThat(CpuList.of(0, 1).format()).isEqualTo("0-1");
        assertThat(CpuList.of(3).format()).isEqualTo("3");
        assertThat(CpuList.of(7, 5, 3, 5).format()).isEqualTo("3,5,7");
        assertThat(CpuList.of(0, 2, 3, 4, 63, 64, 65, 127).toString()).isEqualTo("0,2-4,63-65,127");
        assertThat(CpuList.empty().format()).isEmpty();
    }

    static Stream<Arguments> parses() {
        return Stream.of(
                Arguments.of("0-2,4", "0-2,4"),
                Arguments.of("", ""),
                Arguments.of("\n", ""),
                Arguments.of("3", "3"),
                Arguments.of("3\n", "3"),
                Arguments.of(" 1 , ,3", "1,3"),
                Arguments.of("\t1\u000B2", "1-2"),
                Arguments.of("0-7:2/4", "0-1,4-5"),
                Arguments.of("0-6:1/3", "0,3,6"),
                Arguments.of("all", "0-7"),
                Arguments.of("ALL:1/2", "0,2,4,6"),
                Arguments.of("N", "7"),
                Arguments.of("4-N", "4-7"),
                Arguments.of("0\n5", "0"),
                Arguments.of("0-3:1/2\n5", "0,2,5"),
                Arguments.of("1,1,0-1", "0-1"));
    }

    @ParameterizedTest
    @MethodSource("parses")
    void parsesAsBitmapParselist(String text, String expected) {
        assertThat(CpuList.parse(text, 8).format()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "x;         EINVAL",
        "-1;        EINVAL",
        "1-;        EINVAL",
        "3-1;       EINVAL",
        "1-2-3;     EINVAL",
        "1:1/2;     EINVAL",
        "0-7:3/2;   EINVAL",
        "0-7:1/0;   EINVAL",
        "0-7:1;     EINVAL",
        "+1;        EINVAL",
        "8;         ERANGE",
        "0-8;       ERANGE",
        "4294967296; EOVERFLOW",
        "99999999999999999999999; EOVERFLOW",
    })
    void failsWithTheKernelsErrno(String text, Errno errno) {
        assertThatThrownBy(() -> CpuList.parse(text, 8))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void isAValue() {
        BitSet bits = new BitSet();
        bits.set(2);
        CpuList list = CpuList.of(bits);
        bits.set(3);
        assertThat(list).isEqualTo(CpuList.parse("2", 4)).hasSameHashCodeAs(CpuList.of(2));
        assertThat(list.contains(2)).isTrue();
        assertThat(list.contains(3)).isFalse();
        assertThat(list.contains(-1)).isFalse();
        assertThat(list.intersects(CpuList.of(1, 2))).isTrue();
        assertThat(list.toBitSet()).isNotSameAs(list.toBitSet());
        assertThat(CpuList.parse("", 4).isEmpty()).isTrue();
        assertThat(CpuList.of(1, 0).stream()).containsExactly(0, 1);
    }
}
