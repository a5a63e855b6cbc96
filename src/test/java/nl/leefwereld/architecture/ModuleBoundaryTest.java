package nl.leefwereld.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Package by capability: a module's internal package is its own. Other modules use its root package (the API).
 * Modules do not depend on each other in a cycle.
 */
class ModuleBoundaryTest {

    static final List<String> MODULES = List.of("identity", "household", "intake", "privacy", "platform", "demo", "synthetic", "shared", "catalog", "wmo", "returns", "budget", "plan", "outcome", "meeting", "monitor");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.leefwereld");
    }

    static List<String> modules() {
        return MODULES;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void internalsAreHiddenFromOtherModules(String module) {
        noClasses().that().resideOutsideOfPackage("nl.leefwereld." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("nl.leefwereld." + module + ".internal..")
                .because("only the module's root package is its public API")
                .check(classes);
    }

    @Test
    void modulesAreFreeOfCycles() {
        slices().matching("nl.leefwereld.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedDependsOnNoModule() {
        noClasses().that().resideInAPackage("nl.leefwereld.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream().filter(m -> !m.equals("shared"))
                        .map(m -> "nl.leefwereld." + m + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void noModuleReachesIntoTheDemo() {
        noClasses().that().resideOutsideOfPackage("nl.leefwereld.demo..")
                .should().dependOnClassesThat().resideInAPackage("nl.leefwereld.demo..")
                .check(classes);
    }

    @Test
    void everyClassBelongsToAKnownModule() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideOutsideOfPackage("nl.leefwereld")
                .should().resideInAnyPackage(MODULES.stream().map(m -> "nl.leefwereld." + m + "..").toArray(String[]::new))
                .check(classes);
    }
}
