package org.hotplugemu.core.testing;

import java.util.concurrent.atomic.AtomicReference;
import org.hotplugemu.arch.spi.ArchContext;
import org.hotplugemu.arch.spi.Architecture;
import org.hotplugemu.arch.spi.ArchitectureProvider;

/** Provides {@link TestingArchitecture} (named {@code testing}) and remembers the last one it created. */
public final class TestingArchitectureProvider implements ArchitectureProvider {
    public static final String NAME = "testing";

    private final boolean parallel;
    private final AtomicReference<TestingArchitecture> last = new AtomicReference<>();
    private volatile java.util.function.Consumer<TestingArchitecture> setup = architecture -> {};

    public TestingArchitectureProvider() {
        this(false);
    }

    /** With {@code parallel}, the backend supports parallel bringup (used with a 6.6 profile). */
    public TestingArchitectureProvider(boolean parallel) {
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "testing backend for core tests";
    }

    @Override
    public Architecture create(ArchContext context) {
        TestingArchitecture architecture = new TestingArchitecture(context, parallel);
        setup.accept(architecture);
        last.set(architecture);
        return architecture;
    }

    private volatile java.util.Set<String> profiles = java.util.Set.of();

    /** Makes this provider ship these profiles, as a plugin jar's {@code profiles/<name>.json}. */
    public TestingArchitectureProvider shipping(String... names) {
        this.profiles = java.util.Set.of(names);
        return this;
    }

    @Override
    public java.util.Set<String> profiles() {
        return profiles;
    }

    /** Arms faults on every backend this provider creates, before the machine boots. */
    public TestingArchitectureProvider configure(java.util.function.Consumer<TestingArchitecture> setup) {
        this.setup = java.util.Objects.requireNonNull(setup, "setup is null");
        return this;
    }

    /** Returns the backend of the machine created last, to arm its faults. */
    public TestingArchitecture last() {
        return last.get();
    }
}
