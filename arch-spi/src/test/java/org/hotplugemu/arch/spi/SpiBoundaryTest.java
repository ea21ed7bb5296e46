package org.hotplugemu.arch.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** The architecture SPI builds on the plugin API and the JDK only, with a stability mark on everything public. */
class SpiBoundaryTest {
    private final JavaClasses spi = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotplugemu.arch.spi");

    @Test
    void theSpiDependsOnThePluginApiTheJdkAndApiguardianOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.hotplugemu.arch.spi..", "org.hotplugemu.api..", "java..", "org.apiguardian.api..")
                .because("architecture plugins compile against arch-spi and hotplug-api alone (issue 14)")
                .check(spi);
    }

    @Test
    void everyPublicTypeSaysHowStableItIs() {
        classes().that().arePublic().should().beAnnotatedWith(API.class).check(spi);
    }
}
