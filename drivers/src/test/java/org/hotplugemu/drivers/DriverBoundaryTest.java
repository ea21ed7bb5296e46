package org.hotplugemu.drivers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DriverBoundaryTest {
    @Test
    void driversUseOnlyThePluginApiAndTheArchSpi() {
        JavaClasses drivers = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotplugemu.drivers");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.hotplugemu.drivers..", "org.hotplugemu.api..", "org.hotplugemu.arch.spi", "java..",
                        "com.google.auto.service..")
                .because("drivers are plugins built against the small api jar (see architecture.md)")
                .check(drivers);
    }
}
