package org.hotplugemu.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hotplugemu.api.kernel.Errno;
import org.hotplugemu.api.kernel.HotplugException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfilesTest {
    private static String resource(String path) throws IOException {
        try (InputStream in = ProfilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBuiltInProfileIsReadOnceAndShared() {
        assertThat(Profiles.builtIn("linux-6.12-x86_64")).isSameAs(Profiles.builtIn("linux-6.12-x86_64"));
    }

    @Test
    void builtInNamesAreSorted() {
        assertThat(Profiles.builtInNames()).isSorted().hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1-x86_64", "linux-6.1-arm64"})
    void sixOneProfilesReproduceTheReferenceHotplugStatesByteForByte(String name) throws IOException {
        assertThat(Profiles.referenceStates(Profiles.builtIn(name)))
                .isEqualTo(resource("/reference/" + name + "/states.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1-x86_64", "linux-6.1-arm64"})
    void sixOneSectionBoundariesMatchTheAnnotatedReference(String name) {
        Profile profile = Profiles.builtIn(name);
        assertThat(profile.bringupCpu()).isEqualTo(91);
        assertThat(profile.apIdleDead()).isEqualTo(92);
        assertThat(profile.apOnline()).isEqualTo(152);
        assertThat(profile.teardownCpu()).isEqualTo(153);
        assertThat(profile.online()).isEqualTo(236);
        assertThat(profile.sectionOf(91)).isEqualTo(Section.PREPARE);
        assertThat(profile.sectionOf(92)).isEqualTo(Section.STARTING);
        assertThat(profile.sectionOf(153)).isEqualTo(Section.TEARDOWN);
        assertThat(profile.sectionOf(155)).isEqualTo(Section.ONLINE);
        assertThat(profile.bpKickAp()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1-x86_64", "linux-6.1-arm64", "linux-6.12-x86_64", "linux-6.12-arm64"})
    void dynamicRangesHaveTheKernelSizesAndCantStopStepsAreFlagged(String name) {
        Profile profile = Profiles.builtIn(name);
        assertThat(profile.bpPrepareDyn().slots()).isEqualTo(21);
        // CPUHP_AP_ONLINE_DYN_END grew from +30 to +40 in 6.3.
        assertThat(profile.apOnlineDyn().slots()).isEqualTo(profile.kernel().equals("6.1") ? 31 : 41);
        assertThat(profile.states()).filteredOn(StateDefinition::cantStop).extracting(StateDefinition::enumName)
                .containsExactly("CPUHP_CREATE_THREADS", "CPUHP_BRINGUP_CPU", "CPUHP_AP_OFFLINE", "CPUHP_TEARDOWN_CPU");
        assertThat(profile.bootRegistrations().get(0)).isEqualTo(
                new BootRegistration(profile.bpPrepareDyn().first(), "fork:vm_stack_cache"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.12-x86_64", "linux-6.12-arm64"})
    void sixTwelveProfilesHaveKickApJustBeforeBringup(String name) {
        Profile profile = Profiles.builtIn(name);
        assertThat(profile.bpKickAp()).contains(85).contains(profile.bringupCpu() - 1);
        assertThat(profile.bpPrepareDyn().last()).isEqualTo(profile.bringupCpu() - 2);
        assertThat(profile.bootSlot("fork:vm_stack_cache")).contains(profile.bpPrepareDyn().first());
        assertThat(profile.bootSlot("mm/writeback:online")).contains(profile.apOnlineDyn().first());
    }

    @Test
    void unknownBuiltInIsEinvalListingTheAvailableOnes() {
        assertThatThrownBy(() -> Profiles.builtIn("linux-9.9"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("linux-6.1-arm64, linux-6.1-x86_64, linux-6.12-arm64, linux-6.12-x86_64");
    }

    @Test
    void loadFallsBackToAFilePath() {
        assertThatThrownBy(() -> Profiles.load("/nonexistent/p.json"))
                .isInstanceOfSatisfying(HotplugException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThat(Profiles.load("linux-6.12-arm64").kernel()).isEqualTo("6.12");
    }

    @Test
    void renderMatchesTheGoldenTable() throws IOException {
        assertThat(Profiles.render(Profiles.builtIn("linux-6.1-x86_64")))
                .isEqualTo(resource("/profiles/render-linux-6.1-x86_64.golden"));
    }
}
