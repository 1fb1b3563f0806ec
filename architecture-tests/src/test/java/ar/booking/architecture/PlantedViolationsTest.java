package ar.booking.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.app.admin.archfixture.ControllerReadingTheDatabase;
import ar.booking.core.archfixture.CoreCallingHttp;
import ar.booking.core.archfixture.CoreUsingJdbc;
import ar.booking.core.archfixture.LeakyCoreClass;
import ar.booking.core.usecase.archfixture.UseCaseOnInMemoryStores;
import ar.booking.messaging.archfixture.CrossAdapterCall;
import ar.booking.persistence.archfixture.PersistenceThing;
import ar.booking.persistence.archfixture.WebLeak;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each rule, fed a class that breaks it, fails: the rules in the build can fail. */
class PlantedViolationsTest {

  @Test
  void aCoreClassUsingALibraryIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(LeakyCoreClass.class);
    assertThatThrownBy(() -> ArchitectureRules.CORE_DEPENDS_ONLY_ON_THE_JDK.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyCoreClass")
        .hasMessageContaining("com.tngtech.archunit");
  }

  @Test
  void anAdapterCallingAnotherAdapterIsCaught() {
    JavaClasses planted =
        new ClassFileImporter().importClasses(CrossAdapterCall.class, PersistenceThing.class);
    assertThatThrownBy(() -> ArchitectureRules.adapterStaysInItsLane("messaging").check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CrossAdapterCall")
        .hasMessageContaining("PersistenceThing");
  }

  @Test
  void aNonAppClassUsingJavalinIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(WebLeak.class);
    assertThatThrownBy(() -> ArchitectureRules.ONLY_THE_APP_TOUCHES_JAVALIN.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("WebLeak")
        .hasMessageContaining("io.javalin");
  }

  @Test
  void aCoreClassUsingJdbcIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(CoreUsingJdbc.class);
    assertThatThrownBy(() -> ArchitectureRules.CORE_USES_NO_JDBC_NOR_HTTP_CLIENT.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CoreUsingJdbc")
        .hasMessageContaining("java.sql");
  }

  @Test
  void aCoreClassUsingTheJdkHttpClientIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(CoreCallingHttp.class);
    assertThatThrownBy(() -> ArchitectureRules.CORE_USES_NO_JDBC_NOR_HTTP_CLIENT.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CoreCallingHttp")
        .hasMessageContaining("java.net.http");
  }

  @Test
  void aUseCaseBuiltOnTheInMemoryStoresIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(UseCaseOnInMemoryStores.class);
    assertThatThrownBy(
            () -> ArchitectureRules.USE_CASES_DO_NOT_DEPEND_ON_THE_IN_MEMORY_STORES.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UseCaseOnInMemoryStores")
        .hasMessageContaining("ar.booking.core.memory");
  }

  @Test
  void aControllerReadingTheDatabaseIsCaught() {
    JavaClasses planted = new ClassFileImporter().importClasses(ControllerReadingTheDatabase.class);
    assertThatThrownBy(() -> ArchitectureRules.CONTROLLERS_DO_NOT_TOUCH_PERSISTENCE.check(planted))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ControllerReadingTheDatabase")
        .hasMessageContaining("ar.booking.persistence");
  }
}
