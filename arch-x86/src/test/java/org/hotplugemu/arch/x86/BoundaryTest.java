package org.hotplugemu.arch.x86;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class BoundaryTest {
    private final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotplugemu.arch.x86");

    @Test
    void backendDependsOnTheArchitectureSpiOnlyNeverOnTheCore() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.hotplugemu.core..", "org.hotplugemu.tracing..", "org.hotplugemu.distribution..")
                .because("an architecture plugin compiles against arch-spi and hotplug-api alone")
                .check(mainClasses);
    }
}
