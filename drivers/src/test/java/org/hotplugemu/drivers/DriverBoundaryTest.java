package org.hotplugemu.drivers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.hotplugemu.core.testing.PluginBoundary;
import org.junit.jupiter.api.Test;

class DriverBoundaryTest {
    @Test
    void driversNeverReachIntoTheCoreTracingOrTheDistribution() {
        PluginBoundary.checkStaysOffTheEmulator("org.hotplugemu.drivers",
                "drivers compile against hotplug-api alone; hotplug-core is only on their test class path");
    }

    @Test
    void driversUseOnlyThePluginApiAndTheArchSpi() {
        JavaClasses drivers = PluginBoundary.mainClasses("org.hotplugemu.drivers");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.hotplugemu.drivers..", "org.hotplugemu.api..", "java..",
                        "com.google.auto.service..", "org.apiguardian.api..")
                .because("drivers are plugins built against the small api jar (see architecture.md)")
                .check(drivers);
    }
}
