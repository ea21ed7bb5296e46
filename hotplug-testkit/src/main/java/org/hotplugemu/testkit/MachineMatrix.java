package org.hotplugemu.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per engine and seed, each time on a fresh machine as {@link EmulatedMachineTest}
 * describes (which may sit on the method or the class; without one the defaults apply). Invocations
 * are named {@code [engine=sim, seed=3]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith({MachineMatrixProvider.class, TestMachineExtension.class})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface MachineMatrix {
    /** Engines to run on. */
    String[] engines() default {"sim"};

    /** Seeds to run with; each engine runs each seed. */
    long[] seeds() default {0};
}
