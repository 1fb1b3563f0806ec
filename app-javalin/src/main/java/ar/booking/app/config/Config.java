package ar.booking.app.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validated settings of one run, read from environment variables (see {@link Var}), one record
 * per area. Building one checks every variable of every area and fails with a {@link
 * ConfigException} listing all problems at once.
 *
 * <p>A new area (whatsapp, mercadopago, ical, mail, speech…) is a record in this package with a
 * {@code static read(ConfigReader, …)} that validates its own variables, and one more component
 * here.
 */
public record Config(
    RunMode mode,
    Path dataDir,
    LogFormat logFormat,
    String logLevel,
    HttpConfig http,
    DatabaseConfig database,
    RedisConfig redis,
    AuthConfig auth,
    BookingConfig booking,
    JobsConfig jobs,
    IcalConfig ical,
    SpeechConfig speech,
    MercadoPagoConfig mercadoPago,
    NotificationConfig notifications,
    WhatsAppConfig whatsapp) {

  /** How log lines are written. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  @Override
  public String toString() {
    return "Config[mode="
        + mode
        + ", database="
        + (database.embedded() ? "embedded" : "configured")
        + ", redis="
        + (redis.url().isPresent() ? "configured" : "none")
        + ", port="
        + http.port()
        + ", dataDir="
        + dataDir
        + ", baseUrl="
        + http.baseUrl()
        + "]";
  }

  /** Reads the environment, with {@code .env} in the working directory underneath it. */
  public static Config load(Map<String, String> environment, Path dotEnvFile) {
    return from(DotEnv.merge(DotEnv.read(dotEnvFile), environment));
  }

  /** Validates the given variables; unknown variables are ignored. */
  public static Config from(Map<String, String> variables) {
    ConfigReader r = new ConfigReader(variables);
    boolean externalDatabase = r.optional(Var.DATABASE_URL).isPresent();
    Optional<RunMode> explicitMode = r.optional(Var.ENVIRONMENT).map(v -> mode(r, v));
    if (r.optional(Var.ENVIRONMENT).isEmpty() && externalDatabase) {
      // Fail closed: never guess whether a real database is a playground.
      r.problem(
          Var.ENVIRONMENT,
          "must be set (development|test|production) when DATABASE_URL is set: the app does not"
              + " guess whether that database is a playground or the real one");
    }
    RunMode mode = explicitMode.orElse(RunMode.DEVELOPMENT);
    // Generated secrets and passwords only where nothing real is at stake. When the mode is
    // unknown the start fails anyway; don't pile mode-dependent problems on top.
    boolean generate = mode == RunMode.DEVELOPMENT || !externalDatabase || explicitMode.isEmpty();

    Path dataDir = r.get(Var.DATA_DIR, Path::of, Path.of(Var.DATA_DIR.defaultValue()));
    LogFormat logFormat =
        r.get(
            Var.LOG_FORMAT,
            v -> LogFormat.valueOf(v.strip().toUpperCase(Locale.ROOT)),
            mode == RunMode.PRODUCTION ? LogFormat.JSON : LogFormat.TEXT);
    String logLevel =
        r.get(
            Var.LOG_LEVEL,
            v -> {
              String level = v.strip().toUpperCase(Locale.ROOT);
              if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
                throw new IllegalArgumentException("must be TRACE, DEBUG, INFO, WARN or ERROR");
              }
              return level;
            },
            "INFO");
    Config config =
        new Config(
            mode,
            dataDir,
            logFormat,
            logLevel,
            HttpConfig.read(r, mode),
            DatabaseConfig.read(r, mode),
            RedisConfig.read(r),
            AuthConfig.read(r, mode, generate && mode != RunMode.PRODUCTION),
            BookingConfig.read(r),
            JobsConfig.read(r),
            IcalConfig.read(r, mode, generate && mode != RunMode.PRODUCTION),
            SpeechConfig.read(r),
            MercadoPagoConfig.read(r, mode),
            NotificationConfig.read(r, mode),
            WhatsAppConfig.read(r, mode));
    r.failIfProblems();
    return config;
  }

  private static RunMode mode(ConfigReader r, String value) {
    try {
      return RunMode.parse(value);
    } catch (IllegalArgumentException e) {
      r.problem(Var.ENVIRONMENT, "is invalid: " + e.getMessage());
      return RunMode.DEVELOPMENT;
    }
  }

  /** A copy listening on another port (tests bind port 0). */
  public Config withPort(int port) {
    return new Config(
        mode,
        dataDir,
        logFormat,
        logLevel,
        http.withPort(port),
        database,
        redis,
        auth,
        booking,
        jobs,
        ical,
        speech,
        mercadoPago,
        notifications,
        whatsapp);
  }
}
