package org.hotplugemu.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Expands a {@link MachineMatrix} into one invocation per engine and seed. */
final class MachineMatrixProvider implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), MachineMatrix.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        MachineMatrix matrix = AnnotationSupport.findAnnotation(context.getTestMethod(), MachineMatrix.class).orElseThrow();
        if (matrix.engines().length == 0 || matrix.seeds().length == 0) {
            throw new IllegalArgumentException("@MachineMatrix on " + context.getDisplayName() + " needs at least one engine and one seed");
        }
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (String engine : matrix.engines()) {
            for (long seed : matrix.seeds()) {
                invocations.add(new Variant(engine, seed));
            }
        }
        return invocations.stream();
    }

    /** One engine and seed; it tells {@link TestMachineExtension} before the test which machine to build. */
    record Variant(String engine, long seed) implements TestTemplateInvocationContext, BeforeEachCallback {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[engine=" + engine + ", seed=" + seed + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            TestMachineExtension.store(context).put(Variant.class, this);
        }

        MachineSpec apply(MachineSpec spec) {
            return spec.withEngine(engine).withSeed(seed);
        }
    }
}
