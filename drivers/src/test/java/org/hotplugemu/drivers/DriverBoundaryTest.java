package org.hotplugemu.drivers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DriverBoundaryTest {
    @Test
    void driversNeverReachIntoTheCoreTracingOrTheDistribution() {
        JavaClasses drivers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotplugemu.drivers");

        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.hotplugemu.core..", "org.hotplugemu.tracing..", "org.hotplugemu.distribution..")
                .because("drivers compile against hotplug-api alone; hotplug-core is only on their test class path")
                .check(drivers);
    }

    @Test
    void driversUseOnlyThePluginApiAndTheArchSpi() {
        JavaClasses drivers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotplugemu.drivers");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.hotplugemu.drivers..", "org.hotplugemu.api..", "java..",
                        "com.google.auto.service..", "org.apiguardian.api..")
                .because("drivers are plugins built against the small api jar (see architecture.md)")
                .check(drivers);
    }
}
