package ar.booking.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;

/** The dependency rules of the hexagon; {@link ArchitectureTest} applies them to the build. */
final class ArchitectureRules {

  static final List<String> ADAPTERS =
      List.of("persistence", "messaging", "payments", "calendar", "speech");

  private ArchitectureRules() {}

  /**
   * booking-core needs nothing but the JDK and itself ({@code javax.crypto} is the JDK's HMAC, for
   * the export token).
   */
  static final ArchRule CORE_DEPENDS_ONLY_ON_THE_JDK =
      ArchRuleDefinition.classes()
          .that()
          .resideInAPackage("ar.booking.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "javax.crypto..", "ar.booking.core..")
          .because("the core is a plain-Java library other JVM applications embed");

  /** The core's packages form no cycle. */
  static final ArchRule CORE_PACKAGES_ARE_FREE_OF_CYCLES =
      slices().matching("ar.booking.core.(*)..").should().beFreeOfCycles();

  /** Only the launcher knows the web framework. */
  static final ArchRule ONLY_THE_APP_TOUCHES_JAVALIN =
      noClasses()
          .that()
          .resideInAPackage("ar.booking..")
          .and()
          .resideOutsideOfPackage("ar.booking.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.javalin..")
          .because("HTTP is the app's concern; the core and adapters stay framework-free");

  /**
   * The core reaches no database or remote service itself, even through the JDK: JDBC and HTTP
   * clients belong in adapters behind ports.
   */
  static final ArchRule CORE_USES_NO_JDBC_NOR_HTTP_CLIENT =
      noClasses()
          .that()
          .resideInAPackage("ar.booking.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "java.net.http..")
          .because("storage and remote calls are adapters' work, reached through ports");

  /** Use cases work on ports, never on the in-memory implementations of them. */
  static final ArchRule USE_CASES_DO_NOT_DEPEND_ON_THE_IN_MEMORY_STORES =
      noClasses()
          .that()
          .resideInAPackage("ar.booking.core.usecase..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ar.booking.core.memory..")
          .because(
              "use cases must run unchanged on PostgreSQL; memory/ is one adapter among others");

  /** The packages of the app that answer HTTP requests. */
  static final String[] HTTP_CONTROLLERS = {
    "ar.booking.app.admin..",
    "ar.booking.app.console..",
    "ar.booking.app.auth..",
    "ar.booking.app.nlu..",
    "ar.booking.app.health..",
    "ar.booking.app.http..",
    "ar.booking.app.ical..",
    "ar.booking.app.mercadopago.."
  };

  /** HTTP controllers talk to the core's ports; only the composition root knows persistence. */
  static final ArchRule CONTROLLERS_DO_NOT_TOUCH_PERSISTENCE =
      noClasses()
          .that()
          .resideInAnyPackage(HTTP_CONTROLLERS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ar.booking.persistence..")
          .because("controllers see ports; the composition root picks the adapters");

  /** An adapter depends on the core and its own libraries, never on another adapter or the app. */
  static ArchRule adapterStaysInItsLane(String adapter) {
    String[] forbidden =
        java.util.stream.Stream.concat(
                ADAPTERS.stream().filter(a -> !a.equals(adapter)),
                java.util.stream.Stream.of("app"))
            .map(name -> "ar.booking." + name + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("ar.booking." + adapter + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because("adapters meet only in the composition root (app-javalin)");
  }
}
