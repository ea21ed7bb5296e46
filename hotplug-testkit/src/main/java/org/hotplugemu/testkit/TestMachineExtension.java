package org.hotplugemu.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hotplugemu.api.driver.HotplugDriver;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link EmulatedMachineTest}: resolves {@link TestMachine} and
 * {@link CallbackRecorder} parameters (the annotation's drivers register through that recorder),
 * checks the invariants after the test, dumps the machine on any failure and closes it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TestMachineExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestMachineExtension.class);

    static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestMachine.class || type == CallbackRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == CallbackRecorder.class) {
            return recorder(context);
        }
        return machine(context);
    }

    private static CallbackRecorder recorder(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(CallbackRecorder.class, key -> new CallbackRecorder(), CallbackRecorder.class);
    }

    private static TestMachine machine(ExtensionContext context) {
        TestMachine existing = store(context).get(TestMachine.class, TestMachine.class);
        if (existing != null) {
            return existing;
        }
        EmulatedMachineTest declared = declaration(context);
        MachineSpec spec = declared == null ? Defaults.SPEC : MachineSpec.of(declared);
        MachineMatrixProvider.Variant variant = store(context).get(MachineMatrixProvider.Variant.class, MachineMatrixProvider.Variant.class);
        if (variant != null) {
            spec = variant.apply(spec);
        }
        CallbackRecorder recorder = recorder(context);
        List<HotplugDriver> drivers = new ArrayList<>();
        for (Class<? extends HotplugDriver> type : declared == null ? List.<Class<? extends HotplugDriver>>of() : List.of(declared.drivers())) {
            drivers.add(recorder.wrap(instantiate(type)));
        }
        TestMachine machine;
        try {
            machine = TestMachine.boot(spec, drivers);
        }
        catch (RuntimeException e) {
            throw new ParameterResolutionException("the emulated machine failed to boot: " + e.getMessage()
                    + "\nreplay: " + spec.replayCommand(drivers), e);
        }
        store(context).put(TestMachine.class, machine);
        return machine;
    }

    private static EmulatedMachineTest declaration(ExtensionContext context) {
        Optional<EmulatedMachineTest> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), EmulatedMachineTest.class);
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        for (Optional<? extends Class<?>> type = context.getTestClass(); type.isPresent(); type = Optional.ofNullable(type.get().getEnclosingClass())) {
            Optional<EmulatedMachineTest> onClass = AnnotationSupport.findAnnotation(type.get(), EmulatedMachineTest.class);
            if (onClass.isPresent()) {
                return onClass.get();
            }
        }
        return null;
    }

    private static HotplugDriver instantiate(Class<? extends HotplugDriver> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
        catch (NoSuchMethodException e) {
            throw new ParameterResolutionException("driver " + type.getName() + " in @EmulatedMachineTest needs a no-argument constructor", e);
        }
        catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("cannot create driver " + type.getName() + ": " + e, e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        TestMachine machine = store(context).get(TestMachine.class, TestMachine.class);
        if (machine != null) {
            String summary = MachineDump.write(machine, testId(context), String.valueOf(throwable));
            context.publishReportEntry("hotplug-emu.replay", machine.replayCommand());
            throwable.addSuppressed(new MachineFailure(summary));
        }
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestMachine machine = store(context).remove(TestMachine.class, TestMachine.class);
        if (machine == null) {
            return;
        }
        try {
            EmulatedMachineTest declared = declaration(context);
            boolean check = declared == null || declared.checkInvariants();
            if (check && context.getExecutionException().isEmpty()) {
                List<String> violations;
                try {
                    violations = machine.invariantViolations();
                }
                catch (RuntimeException e) {
                    violations = List.of("the invariant check itself failed: " + e);
                }
                if (!violations.isEmpty()) {
                    String reason = "invariants broken after the test:\n  " + String.join("\n  ", violations);
                    String summary = MachineDump.write(machine, testId(context), reason);
                    context.publishReportEntry("hotplug-emu.replay", machine.replayCommand());
                    throw new MachineFailure(reason + "\n" + summary);
                }
            }
        }
        finally {
            machine.close();
        }
    }

    private static String testId(ExtensionContext context) {
        String type = context.getTestClass().map(Class::getSimpleName).orElse("test");
        String method = context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("unknown");
        String invocation = context.getDisplayName().startsWith("[") ? context.getDisplayName() : "";
        return type + "/" + method + invocation;
    }

    /** The machine of a test without {@link EmulatedMachineTest}. */
    @EmulatedMachineTest
    private static final class Defaults {
        // Read from the annotation itself so that the defaults cannot drift.
        static final MachineSpec SPEC = MachineSpec.of(Defaults.class.getAnnotation(EmulatedMachineTest.class));
    }
}
