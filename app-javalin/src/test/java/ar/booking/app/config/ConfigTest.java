package ar.booking.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  private static final String STRONG_SECRET =
      "3f9c1e2d7a8b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";

  private static Map<String, String> production() {
    Map<String, String> env = new java.util.HashMap<>(productionWithoutWhatsApp());
    env.put("WHATSAPP_APP_SECRET", "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70");
    env.put("WHATSAPP_VERIFY_TOKEN", "5d6e7f8091a2b3c4d5e6f708192a3b4c-verify");
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-test-access-token");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    return Map.copyOf(env);
  }

  private static Map<String, String> productionWithoutWhatsApp() {
    return Map.of(
        "ENVIRONMENT", "production",
        "DATABASE_URL", "postgresql://booking:s3cret@db:5432/booking",
        "JWT_SECRET", STRONG_SECRET,
        "ADMIN_PASSWORD", "x7!Kq2#pLm9@vR4t",
        "BASE_URL", "https://reservas.example.com",
        "METRICS_TOKEN", "b7e1c2d3a4f5061728394a5b6c7d8e9f-metrics-scrape",
        "ICS_SALT", "c4d5e6f708192a3b4c5d6e7f8091a2b3-calendar-export-salt",
        "MERCADOPAGO_ACCESS_TOKEN", "APP_USR-1234567890-production-token",
        "MERCADOPAGO_WEBHOOK_SECRET", "e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3-webhook");
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    var copy = new java.util.HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        copy.remove(pairs[i]);
      } else {
        copy.put(pairs[i], pairs[i + 1]);
      }
    }
    return copy;
  }

  @Test
  void noVariablesAtAllIsADevelopmentRunWithDefaults() {
    Config config = Config.from(Map.of());
    assertThat(config.mode()).isEqualTo(RunMode.DEVELOPMENT);
    assertThat(config.http().port()).isEqualTo(8000);
    assertThat(config.database().embedded()).isTrue();
    assertThat(config.booking().timezone().getId()).isEqualTo("America/Argentina/Buenos_Aires");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.http().maxRequestBytes()).isEqualTo(1_048_576);
    assertThat(config.booking().holdTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.jobs().expiryInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.auth().generateMissingSecrets()).isTrue();
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.TEXT);
    assertThat(config.http().baseUrl()).isEqualTo("http://localhost:8000");
  }

  @Test
  void everyProblemIsListedInOneMessage() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of(
                        "PORT", "eighty",
                        "DB_POOL_SIZE", "0",
                        "TIMEZONE", "Mars/Olympus",
                        "RATE_LIMIT_ENABLED", "maybe",
                        "ENVIRONMENT", "development",
                        "DATABASE_URL", "mysql://x")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).startsWith("PORT"))
                    .anySatisfy(p -> assertThat(p).startsWith("DB_POOL_SIZE"))
                    .anySatisfy(p -> assertThat(p).startsWith("TIMEZONE"))
                    .anySatisfy(p -> assertThat(p).startsWith("RATE_LIMIT_ENABLED"))
                    .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL")))
        .hasMessageStartingWith("Invalid configuration (5 problems)");
  }

  @Test
  void databaseUrlsThatCannotBeReadAreRefusedWithoutEchoingThePassword() {
    for (String url :
        List.of(
            "postgresql://booking:Ab+c/Def9xyz@127.0.0.1:1/booking",
            "postgresql://booking:p#ss w0rd@db:5432/booking",
            "postgresql://db:5432/booking",
            "jdbc:postgresql:///booking")) {
      assertThatThrownBy(
              () -> Config.from(Map.of("ENVIRONMENT", "development", "DATABASE_URL", url)))
          .as(url)
          .isInstanceOfSatisfying(
              ConfigException.class,
              e -> assertThat(e.problems()).singleElement().asString().startsWith("DATABASE_URL"))
          .message()
          .doesNotContain("Def9xyz")
          .doesNotContain("w0rd");
    }
    assertThat(
            Config.from(
                    Map.of(
                        "ENVIRONMENT",
                        "development",
                        "DATABASE_URL",
                        "postgresql://booking:Ab%2Bc%2FDef@db:5432/booking"))
                .database()
                .url())
        .isPresent();
  }

  @Test
  void baseUrlMustBeHttpAndAdminPasswordFitBcrypt() {
    assertThatThrownBy(() -> Config.from(Map.of("BASE_URL", "ftp://x.example.com")))
        .hasMessageContaining("BASE_URL");
    assertThatThrownBy(() -> Config.from(Map.of("ADMIN_PASSWORD", "Ab1!".repeat(20))))
        .hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageContaining("72 bytes");
  }

  @Test
  void bothDatabaseUrlStylesAreAccepted() {
    for (String url : List.of("postgresql://u:p@h:5432/db", "jdbc:postgresql://h:5432/db?user=u")) {
      assertThat(Config.from(Map.of("ENVIRONMENT", "development", "DATABASE_URL", url)).database())
          .as(url)
          .satisfies(db -> assertThat(db.embedded()).isFalse());
    }
  }

  @Test
  void productionStartsWithStrongSecrets() {
    Config config = Config.from(production());
    assertThat(config.mode()).isEqualTo(RunMode.PRODUCTION);
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.JSON);
  }

  @Test
  void productionRefusesWeakOrMissingSecrets() {
    Map<String, String> weak =
        with(
            production(),
            "JWT_SECRET",
            "changeme",
            "ADMIN_PASSWORD",
            "admin",
            "DATABASE_URL",
            null,
            "BASE_URL",
            "http://reservas.example.com");
    assertThatThrownBy(() -> Config.from(weak))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("JWT_SECRET is too weak"))
                    .anySatisfy(p -> assertThat(p).startsWith("ADMIN_PASSWORD is too weak"))
                    .anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL is required"))
                    .anySatisfy(p -> assertThat(p).startsWith("BASE_URL must be an https")));
  }

  @Test
  void productionRefusesAShortOrDefaultJwtSecretAndAMissingOne() {
    for (String secret : List.of("short", "replace-me-with-openssl-rand-hex-32", "a".repeat(64))) {
      assertThatThrownBy(() -> Config.from(with(production(), "JWT_SECRET", secret)))
          .hasMessageContaining("JWT_SECRET is too weak");
    }
    assertThatThrownBy(() -> Config.from(with(production(), "JWT_SECRET", null)))
        .hasMessageContaining("JWT_SECRET is required in production");
  }

  @Test
  void secretValuesNeverAppearInProblems() {
    assertThatThrownBy(() -> Config.from(with(production(), "JWT_SECRET", "hunter2-is-my-secret")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void dotEnvFileIsReadAndTheRealEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".env");
    Files.writeString(
        file,
        """
        # comment
        PORT=9001
        export TIMEZONE="America/Argentina/Cordoba"
        LOG_LEVEL=DEBUG # inline comment
        """);
    Config config = Config.load(Map.of("PORT", "9002"), file);
    assertThat(config.http().port()).isEqualTo(9002);
    assertThat(config.booking().timezone().getId()).isEqualTo("America/Argentina/Cordoba");
    assertThat(config.logLevel()).isEqualTo("DEBUG");
  }

  @Test
  void aDatabaseUrlWithoutEnvironmentRefusesToStartAndSaysEnvironmentMustBeSet() {
    assertThatThrownBy(
            () -> Config.from(Map.of("DATABASE_URL", "postgresql://booking:pw@db:5432/booking")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("ENVIRONMENT must be set (development|test|production)"));
  }

  @Test
  void secretsAreGeneratedOnlyInExplicitDevelopmentOrOnTheEmbeddedDatabase() {
    String url = "postgresql://booking:pw@db:5432/booking";
    assertThat(Config.from(Map.of()).auth().generateMissingSecrets()).isTrue();
    assertThat(Config.from(Map.of("ENVIRONMENT", "test")).auth().generateMissingSecrets())
        .as("test on the embedded database")
        .isTrue();
    assertThat(
            Config.from(Map.of("ENVIRONMENT", "development", "DATABASE_URL", url))
                .auth()
                .generateMissingSecrets())
        .isTrue();
    assertThatThrownBy(() -> Config.from(Map.of("ENVIRONMENT", "test", "DATABASE_URL", url)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("JWT_SECRET is required"))
                    .anySatisfy(p -> assertThat(p).startsWith("ICS_SALT is required")));
    Config test =
        Config.from(
            Map.of(
                "ENVIRONMENT",
                "test",
                "DATABASE_URL",
                url,
                "JWT_SECRET",
                STRONG_SECRET,
                "ICS_SALT",
                STRONG_SECRET));
    assertThat(test.auth().generateMissingSecrets()).isFalse();
    assertThat(Config.from(production()).auth().generateMissingSecrets()).isFalse();
  }

  @Test
  void productionRefusesToStartWithoutAStrongIcsSalt() {
    assertThatThrownBy(() -> Config.from(with(production(), "ICS_SALT", null)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("ICS_SALT is required in production"));
    for (String weak : List.of("changeme", "short-salt", "a".repeat(40))) {
      assertThatThrownBy(() -> Config.from(with(production(), "ICS_SALT", weak)))
          .hasMessageContaining("ICS_SALT is too weak")
          .message()
          .doesNotContain(weak);
    }
    assertThat(Config.from(production()).ical().icsSalt()).isPresent();
    assertThatThrownBy(() -> Config.from(Map.of("ICS_SALT", "tiny")))
        .hasMessageContaining("ICS_SALT must be at least 32 bytes");
    assertThat(Config.from(Map.of()).ical().icsSalt()).as("generated in development").isEmpty();
  }

  @Test
  void calendarSyncSettingsHaveTheirDefaultsAndBounds() {
    IcalConfig ical = Config.from(Map.of()).ical();
    assertThat(ical.syncInterval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(ical.releaseAfterMisses()).isEqualTo(2);
    assertThat(ical.syncMaxAge()).isEqualTo(Duration.ofMinutes(20));
    assertThat(ical.refreshBeforeHold()).isEqualTo(Duration.ofMinutes(10));
    IcalConfig custom =
        Config.from(
                Map.of(
                    "JOB_ICAL_INTERVAL_SECONDS", "30",
                    "ICAL_RELEASE_AFTER_MISSES", "3",
                    "ICAL_SYNC_MAX_AGE_MINUTES", "45",
                    "ICAL_REFRESH_BEFORE_HOLD_MINUTES", "5"))
            .ical();
    assertThat(custom.syncInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(custom.releaseAfterMisses()).isEqualTo(3);
    assertThat(custom.syncMaxAge()).isEqualTo(Duration.ofMinutes(45));
    assertThat(custom.refreshBeforeHold()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> Config.from(Map.of("JOB_ICAL_INTERVAL_SECONDS", "10")))
        .hasMessageContaining("JOB_ICAL_INTERVAL_SECONDS is invalid: must be between 30 and");
    assertThatThrownBy(() -> Config.from(Map.of("ICAL_RELEASE_AFTER_MISSES", "0")))
        .hasMessageContaining("ICAL_RELEASE_AFTER_MISSES");
  }

  @Test
  void productionRequiresAStrongMetricsToken() {
    assertThatThrownBy(() -> Config.from(with(production(), "METRICS_TOKEN", null)))
        .hasMessageContaining("METRICS_TOKEN is required in production");
    for (String weak : List.of("short", "changeme", "b".repeat(40))) {
      assertThatThrownBy(() -> Config.from(with(production(), "METRICS_TOKEN", weak)))
          .hasMessageContaining("METRICS_TOKEN is too weak")
          .hasMessageNotContaining(weak);
    }
    assertThat(Config.from(production()).auth().metricsToken()).isPresent();
  }

  @Test
  void outsideProductionTheMetricsTokenIsOptionalButNotShort() {
    assertThat(Config.from(Map.of()).auth().metricsToken()).isEmpty();
    assertThatThrownBy(() -> Config.from(Map.of("METRICS_TOKEN", "tiny")))
        .hasMessageContaining("METRICS_TOKEN must be at least 32 bytes");
  }

  @Test
  void eachAreaReadsItsOwnVariables() {
    Config config =
        Config.from(
            Map.of(
                "PORT", "9100",
                "DB_POOL_SIZE", "7",
                "REDIS_URL", "redis://cache:6379",
                "JWT_EXPIRATION_HOURS", "2",
                "PRERESERVATION_EXPIRY_MINUTES", "15",
                "JOB_EXPIRATION_INTERVAL_SECONDS", "5"));
    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.database().poolSize()).isEqualTo(7);
    assertThat(config.redis().url()).contains("redis://cache:6379");
    assertThat(config.auth().jwtExpiration()).isEqualTo(Duration.ofHours(2));
    assertThat(config.booking().holdTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.jobs().expiryInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.withPort(0).http().port()).isZero();
  }

  @Test
  void productionRefusesToStartWithoutTheFourWhatsAppCredentials() {
    assertThatThrownBy(() -> Config.from(productionWithoutWhatsApp()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("WHATSAPP_APP_SECRET is required"))
                    .anySatisfy(p -> assertThat(p).startsWith("WHATSAPP_VERIFY_TOKEN is required"))
                    .anySatisfy(p -> assertThat(p).startsWith("WHATSAPP_ACCESS_TOKEN is required"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("WHATSAPP_PHONE_NUMBER_ID is required")));
    WhatsAppConfig whatsapp = Config.from(production()).whatsapp();
    assertThat(whatsapp.sandbox()).isFalse();
    assertThat(whatsapp.acceptUnsigned()).isFalse();
    assertThat(whatsapp.apiBaseUrl()).isEqualTo("https://graph.facebook.com/v21.0");
    assertThat(whatsapp.toString()).doesNotContain("EAAG-test-access-token");
  }

  @Test
  void whatsAppOutsideProductionIsTheSandboxWithTemplatesByPurpose() {
    WhatsAppConfig dev =
        Config.from(
                Map.of(
                    "WHATSAPP_TEMPLATE_REPLY", "booking_reply",
                    "WHATSAPP_TEMPLATE_HOLD_REMINDER", "hold_reminder_v2",
                    "WHATSAPP_HANDOFF_HOURS", "6",
                    "WHATSAPP_API_BASE_URL", "http://127.0.0.1:9999/v21.0/"))
            .whatsapp();
    assertThat(dev.sandbox()).isTrue();
    assertThat(dev.acceptUnsigned()).isTrue();
    assertThat(dev.handoff()).isEqualTo(Duration.ofHours(6));
    assertThat(dev.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/v21.0");
    assertThat(dev.template("hold_reminder")).contains("hold_reminder_v2");
    assertThat(dev.template("owner_reply")).contains("booking_reply");
    assertThat(Config.from(Map.of()).whatsapp().template("reply")).isEmpty();

    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of("WHATSAPP_ACCESS_TOKEN", "x", "WHATSAPP_PHONE_NUMBER_ID", "12ab")))
        .hasMessageContaining("WHATSAPP_PHONE_NUMBER_ID must be the numeric phone number id");
    assertThatThrownBy(() -> Config.from(Map.of("WHATSAPP_ACCESS_TOKEN", "x")))
        .hasMessageContaining("WHATSAPP_PHONE_NUMBER_ID must be set together");
    assertThatThrownBy(() -> Config.from(Map.of("WHATSAPP_API_BASE_URL", "graph")))
        .hasMessageContaining("WHATSAPP_API_BASE_URL is invalid");
  }
}
