package org.hotplugemu.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

class TestkitStabilityTest {
    @Test
    void everyPublicTypeSaysHowStableItIs() {
        classes().that().arePublic().should().beAnnotatedWith(API.class)
                .because("plugin authors' tests build on these types; the mark says what may still change")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.hotplugemu.testkit"));
    }
}
