package ar.booking.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Applies {@link ArchitectureRules} to the production classes of every module. ArchUnit fails a
 * rule whose {@code that()} matches no class, so a rule naming a package that does not exist cannot
 * pass silently. {@link PlantedViolationsTest} shows each rule catching a violation.
 */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .importPackages("ar.booking");
  }

  @Test
  void coreDependsOnlyOnTheJdk() {
    ArchitectureRules.CORE_DEPENDS_ONLY_ON_THE_JDK.check(production);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    ArchitectureRules.CORE_PACKAGES_ARE_FREE_OF_CYCLES.check(production);
  }

  @Test
  void onlyTheAppTouchesJavalin() {
    ArchitectureRules.ONLY_THE_APP_TOUCHES_JAVALIN.check(production);
  }

  @Test
  void coreUsesNoJdbcNorHttpClient() {
    ArchitectureRules.CORE_USES_NO_JDBC_NOR_HTTP_CLIENT.check(production);
  }

  @Test
  void useCasesDoNotDependOnTheInMemoryStores() {
    ArchitectureRules.USE_CASES_DO_NOT_DEPEND_ON_THE_IN_MEMORY_STORES.check(production);
  }

  @Test
  void httpControllersDoNotTouchPersistence() {
    ArchitectureRules.CONTROLLERS_DO_NOT_TOUCH_PERSISTENCE.check(production);
  }

  @TestFactory
  Stream<DynamicTest> adaptersNeverDependOnEachOtherNorOnTheApp() {
    return ArchitectureRules.ADAPTERS.stream()
        .map(
            adapter ->
                DynamicTest.dynamicTest(
                    adapter,
                    () ->
                        ArchitectureRules.adapterStaysInItsLane(adapter)
                            .allowEmptyShould(false)
                            .check(production)));
  }
}
