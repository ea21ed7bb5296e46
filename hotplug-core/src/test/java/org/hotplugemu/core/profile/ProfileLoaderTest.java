package org.hotplugemu.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileLoaderTest {
    private static Profile load(String file) {
        InputStream in = ProfileLoaderTest.class.getResourceAsStream("/profiles/" + file);
        assertThat(in).as(file).isNotNull();
        return ProfileLoader.load(in, file);
    }

    @Test
    void loadsTheSmallestValidProfile() {
        Profile profile = load("valid-tiny.json");
        assertThat(profile.online()).isEqualTo(14);
        assertThat(profile.apOnlineDyn().slots()).isEqualTo(3);
        assertThat(profile.bootRegistrations()).containsExactly(new BootRegistration(11, "x:online"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-not-ascending.json|$.states[3] (number 1, CPUHP_BP_PREPARE_DYN_END)|strictly ascending and unique",
        "bad-duplicate-enum.json|$.states[3] (number 4, CPUHP_BP_PREPARE_DYN)|enum names must be unique",
        "bad-enum-prefix.json|$.states[0] (number 0, OFFLINE)|must start with CPUHP_",
        "bad-missing-required.json|required entry CPUHP_AP_IDLE_DEAD is missing|$.states",
        "bad-online-not-last.json|$.states[12] (number 14, CPUHP_ONLINE)|must be the last entry",
        "bad-online-cant-stop.json|$.states[12] (number 14, CPUHP_ONLINE)|must not be cant_stop",
        "bad-section-order.json|$.states[5] (number 6, CPUHP_AP_OFFLINE)|section order broken: CPUHP_AP_OFFLINE must come after CPUHP_AP_IDLE_DEAD",
        "bad-dynamic-outside-section.json|$.dynamic.apOnlineDyn: 2..4|is not inside the ONLINE section",
        "bad-dynamic-overlaps-state.json|$.states[11] (number 12, CPUHP_AP_FOO_ONLINE)|lies inside dynamic range $.dynamic.apOnlineDyn",
        "bad-registration-outside.json|$.bootRegistrations[1] (number 8, y:online)|not inside a dynamic range",
        "bad-unknown-fields.json|$.colour: unknown field|$.states[1].cantstop: unknown field",
        "bad-malformed.json|not valid JSON at line 4, column 3|bad-malformed.json",
    })
    void rejectsABrokenRuleNamingTheEntry(String file, String entry, String rule) {
        assertThatThrownBy(() -> load(file))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining(entry)
                .hasMessageContaining(rule);
    }

    @Test
    void reportsEveryProblemAtOnceAsANumberedList() {
        assertThatThrownBy(() -> load("bad-several-problems.json"))
                .hasMessageContaining("is invalid (")
                .hasMessageContaining("\n1. ")
                .hasMessageContaining("\n2. ")
                .hasMessageContaining("$.states[3] (number 4, BP_PREPARE_DYN_END): enum name must start with CPUHP_")
                .hasMessageContaining("$.bootRegistrations[1] (number 99, z): not inside a dynamic range");
    }

    @Test
    void missingFileIsEnoentNamingThePath() {
        Path missing = Path.of("no/such/profile.json");
        assertThatThrownBy(() -> ProfileLoader.load(missing))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining(missing.toString());
    }
}
