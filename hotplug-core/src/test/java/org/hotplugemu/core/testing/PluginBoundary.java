package org.hotplugemu.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The boundary every plugin module of the project keeps (the architecture backends, the stock
 * drivers): its main classes never use the emulator's own modules, only the plugin API and the
 * architecture SPI, which is all a third-party plugin gets.
 */
public final class PluginBoundary {
    private PluginBoundary() {
    }

    /** Returns the main classes (tests left out) of {@code pluginPackage} and its subpackages. */
    public static JavaClasses mainClasses(String pluginPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pluginPackage);
    }

    /** Fails, saying {@code because}, when a main class of {@code pluginPackage} uses the core, tracing or the distribution. */
    public static void checkStaysOffTheEmulator(String pluginPackage, String because) {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.hotplugemu.core..", "org.hotplugemu.tracing..", "org.hotplugemu.distribution..")
                .because(because)
                .check(mainClasses(pluginPackage));
    }
}
