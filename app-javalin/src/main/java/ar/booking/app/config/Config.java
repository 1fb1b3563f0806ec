package ar.booking.app.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The validated settings of one run, read from environment variables (see {@link Var}). Building
 * one checks every variable and fails with a {@link ConfigException} listing all problems at once.
 */
public record Config(
    RunMode mode,
    Optional<String> databaseUrl,
    int dbPoolSize,
    Optional<String> redisUrl,
    Optional<String> redisPassword,
    Optional<String> jwtSecret,
    Duration jwtExpiration,
    String baseUrl,
    Duration holdTtl,
    Duration expiryInterval,
    boolean rateLimitEnabled,
    int rateLimitRequests,
    Duration rateLimitWindow,
    int loginRateLimitRequests,
    boolean trustProxyHeaders,
    int port,
    ZoneId timezone,
    Path dataDir,
    String adminEmail,
    Optional<String> adminPassword,
    long maxRequestBytes,
    LogFormat logFormat,
    String logLevel,
    Duration shutdownTimeout) {

  /** How log lines are written. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /** Values that ship in examples and tutorials; never acceptable as a production secret. */
  static final Set<String> KNOWN_WEAK_SECRETS =
      Set.of(
          "changeme",
          "change-me",
          "change_me",
          "secret",
          "password",
          "admin",
          "admin123",
          "12345678",
          "123456789012",
          "your-secret-key",
          "replace-me-with-openssl-rand-hex-32",
          "development-secret");

  static final int MIN_SECRET_BYTES = 32;
  static final int MIN_ADMIN_PASSWORD = 12;
  static final int MAX_ADMIN_PASSWORD_BYTES = 72;

  private static boolean tooLongForBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_ADMIN_PASSWORD_BYTES;
  }

  /**
   * A database URL whose parts can be told apart: a host, a database name without '/' or '@' and,
   * for the URI form, a user. A password with an unencoded '/' or space fails here.
   */
  static boolean wellFormedDatabaseUrl(String url) {
    try {
      String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
      URI uri = new URI(rest);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      boolean hostOk = uri.getHost() != null && !uri.getHost().isBlank();
      boolean dbOk = path.matches("/[^/@]+");
      boolean userOk = url.startsWith("jdbc:") || uri.getRawUserInfo() != null;
      return hostOk && dbOk && userOk;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Config[mode="
        + mode
        + ", database="
        + (databaseUrl.isPresent() ? "configured" : "embedded")
        + ", redis="
        + (redisUrl.isPresent() ? "configured" : "none")
        + ", port="
        + port
        + ", dataDir="
        + dataDir
        + ", baseUrl="
        + baseUrl
        + "]";
  }

  /** Reads the environment, with {@code .env} in the working directory underneath it. */
  public static Config load(Map<String, String> environment, Path dotEnvFile) {
    return from(DotEnv.merge(DotEnv.read(dotEnvFile), environment));
  }

  /** Validates the given variables; unknown variables are ignored. */
  public static Config from(Map<String, String> variables) {
    Reader r = new Reader(variables);
    RunMode mode = r.get(Var.ENVIRONMENT, RunMode::parse, RunMode.DEVELOPMENT);
    Optional<String> databaseUrl = r.optional(Var.DATABASE_URL);
    databaseUrl.ifPresent(
        url -> {
          String u = url.strip();
          if (!(u.startsWith("postgresql://")
              || u.startsWith("postgres://")
              || u.startsWith("jdbc:postgresql://"))) {
            r.problem(
                Var.DATABASE_URL,
                "must look like postgresql://user:pass@host:5432/db or"
                    + " jdbc:postgresql://host:5432/db");
          } else if (!wellFormedDatabaseUrl(u)) {
            // Never echo the URL: it carries the password.
            r.problem(
                Var.DATABASE_URL,
                "cannot be read as host, port, database and user; percent-encode special"
                    + " characters of the password (/ as %2F, + as %2B, space as %20, @ as %40)");
          }
        });
    int pool = r.integer(Var.DB_POOL_SIZE, 1, 200);
    Optional<String> redisUrl = r.optional(Var.REDIS_URL);
    redisUrl.ifPresent(
        url -> {
          if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            r.problem(Var.REDIS_URL, "must start with redis:// or rediss://");
          }
        });
    Optional<String> redisPassword = r.optional(Var.REDIS_PASSWORD);
    Optional<String> jwtSecret = r.optional(Var.JWT_SECRET);
    int jwtHours = r.integer(Var.JWT_EXPIRATION_HOURS, 1, 24 * 30);
    int holdMinutes = r.integer(Var.PRERESERVATION_EXPIRY_MINUTES, 1, 24 * 60);
    int expirySeconds = r.integer(Var.JOB_EXPIRATION_INTERVAL_SECONDS, 1, 3600);
    boolean rateLimit = r.bool(Var.RATE_LIMIT_ENABLED);
    int rateRequests = r.integer(Var.RATE_LIMIT_REQUESTS, 1, 1_000_000);
    int rateWindow = r.integer(Var.RATE_LIMIT_WINDOW_SECONDS, 1, 86_400);
    int loginRequests = r.integer(Var.LOGIN_RATE_LIMIT_REQUESTS, 1, 10_000);
    boolean trustProxy = r.bool(Var.TRUST_PROXY_HEADERS);
    int port = r.integer(Var.PORT, 0, 65_535);
    ZoneId zone = r.get(Var.TIMEZONE, ZoneId::of, ZoneId.of(Var.TIMEZONE.defaultValue()));
    Path dataDir = r.get(Var.DATA_DIR, Path::of, Path.of(Var.DATA_DIR.defaultValue()));
    String adminEmail = r.get(Var.ADMIN_EMAIL, Config::email, Var.ADMIN_EMAIL.defaultValue());
    Optional<String> adminPassword = r.optional(Var.ADMIN_PASSWORD);
    adminPassword
        .filter(Config::tooLongForBcrypt)
        .ifPresent(
            pw ->
                r.problem(
                    Var.ADMIN_PASSWORD,
                    "must be at most " + MAX_ADMIN_PASSWORD_BYTES + " bytes (bcrypt's limit)"));
    long maxBytes = r.integer(Var.MAX_REQUEST_BYTES, 1024, 100 * 1024 * 1024);
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
    int shutdownSeconds = r.integer(Var.SHUTDOWN_TIMEOUT_SECONDS, 1, 600);
    String baseUrl =
        r.get(
            Var.BASE_URL,
            v -> {
              URI uri = URI.create(v.strip());
              if (uri.getScheme() == null
                  || !uri.getScheme().matches("(?i)https?")
                  || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
              }
              return v.strip().replaceAll("/+$", "");
            },
            "http://localhost:" + port);

    if (mode == RunMode.PRODUCTION) {
      if (databaseUrl.isEmpty()) {
        r.problem(
            Var.DATABASE_URL, "is required in production (no embedded database in production)");
      }
      if (jwtSecret.isEmpty()) {
        r.problem(Var.JWT_SECRET, "is required in production; generate: openssl rand -hex 32");
      } else if (weakSecret(jwtSecret.get())) {
        r.problem(
            Var.JWT_SECRET,
            "is too weak (at least "
                + MIN_SECRET_BYTES
                + " bytes, not a known default); generate: openssl rand -hex 32");
      }
      adminPassword.ifPresent(
          pw -> {
            if (weakPassword(pw) && !tooLongForBcrypt(pw)) {
              r.problem(
                  Var.ADMIN_PASSWORD,
                  "is too weak (at least "
                      + MIN_ADMIN_PASSWORD
                      + " characters, not a known default); generate: openssl rand -base64 18");
            }
          });
      if (variables.get(Var.BASE_URL.name()) == null || !baseUrl.startsWith("https://")) {
        r.problem(Var.BASE_URL, "must be an https:// URL in production");
      }
    } else {
      jwtSecret.ifPresent(
          s -> {
            if (s.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
              r.problem(Var.JWT_SECRET, "must be at least " + MIN_SECRET_BYTES + " bytes");
            }
          });
    }
    r.failIfProblems();
    return new Config(
        mode,
        databaseUrl,
        pool,
        redisUrl,
        redisPassword,
        jwtSecret,
        Duration.ofHours(jwtHours),
        baseUrl,
        Duration.ofMinutes(holdMinutes),
        Duration.ofSeconds(expirySeconds),
        rateLimit,
        rateRequests,
        Duration.ofSeconds(rateWindow),
        loginRequests,
        trustProxy,
        port,
        zone,
        dataDir,
        adminEmail,
        adminPassword,
        maxBytes,
        logFormat,
        logLevel,
        Duration.ofSeconds(shutdownSeconds));
  }

  static boolean weakSecret(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES
        || KNOWN_WEAK_SECRETS.contains(secret.strip().toLowerCase(Locale.ROOT))
        || secret.chars().distinct().count() < 8;
  }

  static boolean weakPassword(String password) {
    return password.length() < MIN_ADMIN_PASSWORD
        || KNOWN_WEAK_SECRETS.contains(password.strip().toLowerCase(Locale.ROOT))
        || password.chars().distinct().count() < 6;
  }

  private static String email(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("must be an e-mail address");
    }
    return v;
  }

  /** A copy with another port (tests bind port 0). */
  public Config withPort(int newPort) {
    return new Config(
        mode,
        databaseUrl,
        dbPoolSize,
        redisUrl,
        redisPassword,
        jwtSecret,
        jwtExpiration,
        baseUrl,
        holdTtl,
        expiryInterval,
        rateLimitEnabled,
        rateLimitRequests,
        rateLimitWindow,
        loginRateLimitRequests,
        trustProxyHeaders,
        newPort,
        timezone,
        dataDir,
        adminEmail,
        adminPassword,
        maxRequestBytes,
        logFormat,
        logLevel,
        shutdownTimeout);
  }

  /** Collects problems instead of stopping at the first one. */
  private static final class Reader {
    private final Map<String, String> variables;
    private final Map<Var, String> problems = new EnumMap<>(Var.class);

    Reader(Map<String, String> variables) {
      this.variables = variables;
    }

    Optional<String> optional(Var var) {
      String value = variables.get(var.name());
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    <T> T get(Var var, Function<String, T> parse, T fallback) {
      Optional<String> value = optional(var);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        return parse.apply(value.get());
      } catch (RuntimeException e) {
        problem(var, e.getMessage() == null ? "is invalid" : "is invalid: " + e.getMessage());
        return fallback;
      }
    }

    int integer(Var var, int min, int max) {
      int fallback = Integer.parseInt(var.defaultValue());
      return get(
          var,
          v -> {
            int n;
            try {
              n = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("not a whole number: " + shown(var, v));
            }
            if (n < min || n > max) {
              throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return n;
          },
          fallback);
    }

    boolean bool(Var var) {
      return get(
          var,
          v ->
              switch (v.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
              },
          Boolean.parseBoolean(var.defaultValue()));
    }

    void problem(Var var, String message) {
      problems.merge(var, message, (a, b) -> a + ", " + b);
    }

    void failIfProblems() {
      if (!problems.isEmpty()) {
        List<String> lines = new ArrayList<>();
        problems.forEach((var, message) -> lines.add(var.name() + " " + message));
        throw new ConfigException(lines);
      }
    }

    private static String shown(Var var, String value) {
      return var.secret() ? "***" : value;
    }
  }
}
