package org.hotplugemu.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/** The plugin API is a small jar: JDK types and its own, and a stability mark on everything public. */
class ApiBoundaryTest {
    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotplugemu.api");

    @Test
    void theApiDependsOnTheJdkAndApiguardianOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.hotplugemu.api..", "java..", "org.apiguardian.api..")
                .because("plugins compile against this jar alone, so it drags nothing else in (issue 14)")
                .check(api);
    }

    @Test
    void everyPublicTypeSaysHowStableItIs() {
        classes().that().arePublic().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().beAnnotatedWith(API.class)
                .because("stability is machine-checkable, as JUnit 5 marks its API")
                .check(api);
    }
}
