package org.hotplugemu.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.hotplugemu.api.driver.HotplugDriver;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test on a freshly booted emulated machine: declare a {@link TestMachine} parameter to get
 * it. After the test the machine's invariants (the state machine's consistency and every driver's
 * resource ledger) must hold, or the test fails; on any failure dmesg, the trace and the command
 * that replays the machine are written under {@code target/hotplug-testkit/} and attached to the
 * error. On a method it overrides one on the class. Combine with {@link MachineMatrix} to run a
 * test over engines and seeds.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(TestMachineExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface EmulatedMachineTest {
    /**
     * The architecture provider's name, e.g. {@code x86} or {@code arm64}; its jar must be on the
     * test class path. The core's minimal test backend is not a provider and cannot be named: the
     * core's own tests cannot use the testkit, which is built on the core.
     */
    String arch() default "x86";

    /** Possible CPUs. */
    int cpus() default 4;

    /** A built-in profile name or a profile file; empty for the architecture's default. */
    String profile() default "";

    /** {@code sim} (deterministic, virtual time) or {@code threads} (parallel, real time). */
    String engine() default "sim";

    /** The {@code sim} engine's seed. */
    long seed() default 0;

    /** The kernel command line; by default the cpuhp tracepoints are on so that a failure's dump shows the walk. */
    String commandLine() default "trace_event=cpuhp:*";

    /** Drivers to register at boot, each created with its no-argument constructor. */
    Class<? extends HotplugDriver>[] drivers() default {};

    /** Whether the invariants are checked after the test. */
    boolean checkInvariants() default true;
}
