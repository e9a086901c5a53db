package org.harmonyee.it.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes of every module: the
 * core knows no service, door or server; plain-Java modules use no Jakarta API; no package cycle.
 */
class ArchitectureTest {

    /** Every module with Java code, relative to the project root; war's classes are its doors. */
    private static final List<String> MODULES = List.of("core", "services/http", "services/echo", "services/fhir",
            "services/management", "services/dimse", "services/dicomweb", "services/jmix", "middleware", "rar", "ejb", "war", "cli", "dicom/core", "dicom/net",
            "dicom/tool");

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        List<Path> directories = MODULES.stream().map(module -> root.resolve(module).resolve("target/classes")).toList();
        assertThat(directories).as("every module is compiled before the architecture is checked")
                .allMatch(Files::isDirectory);
        classes = importer.importPaths(directories);
        assertThat(classes.containPackage("org.harmonyee.core.pipeline")).isTrue();
        assertThat(classes.containPackage("org.harmonyee.web")).isTrue();
    }

    @Test
    void theCoreKnowsNoServiceDoorServerOrToolkit() {
        noClasses().that().resideInAPackage("org.harmonyee.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.harmonyee.services..",
                        "org.harmonyee.middleware..", "org.harmonyee.server..", "org.harmonyee.web..",
                        "org.harmonyee.cli..", "org.harmonyee.dicom..")
                .check(classes);
    }

    @Test
    void plainJavaModulesUseNoJakartaApi() {
        noClasses().that().resideInAnyPackage("org.harmonyee.core..", "org.harmonyee.services..",
                        "org.harmonyee.middleware..", "org.harmonyee.dicom..", "org.harmonyee.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ejb..", "javax.ws..",
                        "org.eclipse.microprofile..")
                .check(classes);
    }

    @Test
    void servicesAndMiddlewareDoNotKnowEachOtherOrTheServer() {
        noClasses().that().resideInAPackage("org.harmonyee.middleware..")
                .should().dependOnClassesThat().resideInAnyPackage("org.harmonyee.services..", "org.harmonyee.server..",
                        "org.harmonyee.web..")
                .check(classes);
        noClasses().that().resideInAPackage("org.harmonyee.services..")
                .should().dependOnClassesThat().resideInAnyPackage("org.harmonyee.middleware..",
                        "org.harmonyee.server..", "org.harmonyee.web..")
                .check(classes);
    }

    @Test
    void theDicomToolkitKnowsNothingOfTheGateway() {
        noClasses().that().resideInAPackage("org.harmonyee.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("org.harmonyee.core..", "org.harmonyee.services..",
                        "org.harmonyee.middleware..", "org.harmonyee.server..", "org.harmonyee.web..")
                .check(classes);
    }

    @Test
    void theListenerApiUsesJdkTypesOnlyAndTheServerOnlyTheApi() {
        noClasses().that().resideInAPackage("org.harmonyee.rar.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.harmonyee.rar.api..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.harmonyee.server..", "org.harmonyee.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.harmonyee.rar.inbound..", "org.harmonyee.dicom..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.harmonyee.(**)").should().beFreeOfCycles().check(classes);
    }
}
