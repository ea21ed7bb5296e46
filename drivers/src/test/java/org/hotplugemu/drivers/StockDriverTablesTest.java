package org.hotplugemu.drivers;

import org.hotplugemu.core.driver.MachineDrivers;
import org.hotplugemu.api.driver.HotplugDriverProvider;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotplugemu.api.driver.HotplugDriver;
import org.hotplugemu.testkit.CallbackRecorder;
import org.hotplugemu.testkit.CallbackRecorder.Registration;
import org.hotplugemu.testkit.MachineSpec;
import org.hotplugemu.testkit.TestMachine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stock drivers' registrations, recorded on a booted 6.1 machine of each architecture, against the reference kernel. */
class StockDriverTablesTest {
    private static final Map<String, List<Registration>> RECORDED = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the stock drivers of {@code architecture} registered while its machine booted (their successful setup calls). */
    private static List<Registration> registerAll(String architecture) {
        return RECORDED.computeIfAbsent(architecture, arch -> {
            CallbackRecorder recorder = new CallbackRecorder();
            List<HotplugDriver> drivers = MachineDrivers.createEach(Machines.stockProviders(), arch).stream().map(recorder::wrap).toList();
            try (TestMachine machine = TestMachine.boot(new MachineSpec(arch, 4, profile(arch), "sim", 0, ""), drivers)) {
                machine.assertInvariants();
            }
            return recorder.registrations();
        });
    }

    private static String profile(String architecture) {
        return architecture.equals("x86") ? "linux-6.1-x86_64" : "linux-6.1-arm64";
    }

    private static List<Registration> setups(String architecture) {
        return registerAll(architecture).stream().filter(r -> r.setup() && r.failure() == null).toList();
    }

    /** Returns how many instances are linked to {@code state} after boot. */
    private static int instances(String architecture, int state) {
        int linked = 0;
        for (Registration r : registerAll(architecture)) {
            if (r.state() == state && r.failure() == null && r.instance() != null) {
                linked += r.method().startsWith("addInstance") ? 1 : r.method().startsWith("removeInstance") ? -1 : 0;
            }
        }
        return linked;
    }

    @ParameterizedTest
    @CsvSource({"x86, linux-6.1-x86_64", "arm64, linux-6.1-arm64"})
    void stockDriversRegisterExactlyTheReferenceStatesTheCoreDoesNotOwn(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        List<String> expected = kernel.states().values().stream()
                .filter(name -> !ReferenceKernel.CORE_STATES.contains(name)).sorted().toList();

        List<String> registered = setups(architecture).stream().map(Registration::name).sorted().toList();

        assertThat(registered).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"x86, linux-6.1-x86_64", "arm64, linux-6.1-arm64"})
    void dynamicStatesGetTheReferenceBootsSlots(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        Map<Integer, String> expectedOnline = new LinkedHashMap<>();
        kernel.states().forEach((number, name) -> {
            if (number >= 201 && number < 235) {
                expectedOnline.put(number, name);
            }
        });

        int onlineDyn = org.hotplugemu.core.profile.Profiles.builtIn(profile(architecture)).number("CPUHP_AP_ONLINE_DYN");
        Map<Integer, String> dynamicOnline = new LinkedHashMap<>();
        setups(architecture).stream().filter(r -> r.requestedState() == onlineDyn).forEach(r -> dynamicOnline.put(r.state(), r.name()));

        assertThat(dynamicOnline).containsExactlyInAnyOrderEntriesOf(expectedOnline);
    }

    @ParameterizedTest
    @CsvSource({"x86, linux-6.1-x86_64", "arm64, linux-6.1-arm64"})
    void callbacksMatchTheReferenceTraceInBothDirections(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        Map<String, Integer> numberByName = new LinkedHashMap<>();
        kernel.states().forEach((number, name) -> numberByName.put(name, number));
        List<String> mismatches = new ArrayList<>();

        for (Registration registration : setups(architecture)) {
            int number = numberByName.get(registration.name());
            if (ReferenceKernel.atomic(number)) {
                continue;
            }
            int instances = instances(architecture, registration.state());
            check(registration, instances, kernel.at(number, true), registration.startup(), "startup", mismatches);
            check(registration, instances, kernel.at(number, false), registration.teardown(), "teardown", mismatches);
        }

        assertThat(mismatches).isEmpty();
    }

    private static void check(Registration registration, int instances, List<ReferenceKernel.TracedCall> traced, String symbol,
            String direction, List<String> mismatches) {
        int expectedCalls = traced.size();
        int calls = symbol == null ? 0 : registration.multi() ? instances : 1;
        String tracedSymbol = traced.isEmpty() ? null : traced.get(0).symbol();
        boolean symbolOk = traced.isEmpty() || Objects.equals(tracedSymbol, symbol);
        boolean kindOk = traced.stream().allMatch(call -> call.multi() == registration.multi());
        if (calls != expectedCalls || !symbolOk || !kindOk) {
            mismatches.add(registration.name() + " " + direction + ": registered " + symbol + " x" + calls
                    + (registration.multi() ? " (multi)" : "") + ", traced " + tracedSymbol + " x" + expectedCalls);
        }
    }

    @ParameterizedTest
    @CsvSource({"x86", "arm64"})
    void everyStateIsRegisteredOnceAndNamesAreUnique(String architecture) {
        List<String> names = setups(architecture).stream().map(Registration::name).toList();

        assertThat(names).doesNotHaveDuplicates();
        assertThat(Machines.stockProviders().stream().map(HotplugDriverProvider::name)).doesNotHaveDuplicates();
    }
}
