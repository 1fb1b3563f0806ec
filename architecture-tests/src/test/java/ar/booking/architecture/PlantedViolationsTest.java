package ar.booking.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.archfixture.LeakyCoreClass;
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
}
