package org.hotplugemu.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugemu.core.api.HotplugDriver;
import org.hotplugemu.drivers.TestingDriverContext.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockDriverTablesTest {
    private static List<Registration> registerAll(String architecture) {
        TestingDriverContext context = new TestingDriverContext(architecture);
        for (HotplugDriver driver : StockDrivers.forArchitecture(architecture)) {
            driver.register(context);
        }
        return context.registrations();
    }

    @ParameterizedTest
    @CsvSource({"x86, x86", "arm64, arm64"})
    void stockDriversRegisterExactlyTheReferenceStatesTheCoreDoesNotOwn(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        List<String> expected = kernel.states().values().stream()
                .filter(name -> !ReferenceKernel.CORE_STATES.contains(name)).sorted().toList();

        List<String> registered = registerAll(architecture).stream().map(Registration::name).sorted().toList();

        assertThat(registered).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"x86, x86", "arm64, arm64"})
    void dynamicStatesAreRegisteredInTheReferenceBootsSlotOrder(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        List<String> expectedOnline = kernel.states().entrySet().stream()
                .filter(e -> e.getKey() >= 201 && e.getKey() < 235).map(Map.Entry::getValue).toList();

        List<String> dynamicOnline = registerAll(architecture).stream()
                .filter(r -> r.dynamic() && r.enumName().equals("CPUHP_AP_ONLINE_DYN")).map(Registration::name).toList();

        assertThat(dynamicOnline).containsExactlyElementsOf(expectedOnline);
    }

    @ParameterizedTest
    @CsvSource({"x86, x86", "arm64, arm64"})
    void callbacksMatchTheReferenceTraceInBothDirections(String architecture, String reference) {
        ReferenceKernel kernel = ReferenceKernel.load(reference);
        Map<String, Integer> numberByName = new LinkedHashMap<>();
        kernel.states().forEach((number, name) -> numberByName.put(name, number));
        List<String> mismatches = new ArrayList<>();

        for (Registration registration : registerAll(architecture)) {
            int number = numberByName.get(registration.name());
            if (ReferenceKernel.atomic(number)) {
                continue;
            }
            check(registration, kernel.at(number, true), registration.startup(), "startup", mismatches);
            check(registration, kernel.at(number, false), registration.teardown(), "teardown", mismatches);
        }

        assertThat(mismatches).isEmpty();
    }

    private static void check(Registration registration, List<ReferenceKernel.TracedCall> traced, String symbol,
            String direction, List<String> mismatches) {
        int expectedCalls = traced.size();
        int calls = symbol == null ? 0 : registration.multi() ? registration.instances().size() : 1;
        String tracedSymbol = traced.isEmpty() ? null : traced.get(0).symbol();
        boolean symbolOk = traced.isEmpty() || tracedSymbol.equals(symbol);
        boolean kindOk = traced.stream().allMatch(call -> call.multi() == registration.multi());
        if (calls != expectedCalls || !symbolOk || !kindOk) {
            mismatches.add(registration.name() + " " + direction + ": registered " + symbol + " x" + calls
                    + (registration.multi() ? " (multi)" : "") + ", traced " + tracedSymbol + " x" + expectedCalls);
        }
    }

    @ParameterizedTest
    @CsvSource({"x86", "arm64"})
    void everyStateIsRegisteredOnceAndNamesAreUnique(String architecture) {
        List<String> names = registerAll(architecture).stream().map(Registration::name).toList();

        assertThat(names).doesNotHaveDuplicates();
        assertThat(StockDrivers.all().stream().map(HotplugDriver::name)).doesNotHaveDuplicates();
    }
}
