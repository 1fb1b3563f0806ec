package ar.booking.app.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the admin API and the metrics: the JWT key and token lifetime, the first admin, the
 * metrics scrape token. {@code generateMissingSecrets} is true only in development or on the
 * embedded database: then a missing {@code JWT_SECRET} is generated into {@code DATA_DIR} and a
 * missing first-admin password is generated and printed once.
 */
public record AuthConfig(
    Optional<String> jwtSecret,
    Duration jwtExpiration,
    String adminEmail,
    Optional<String> adminPassword,
    Optional<String> metricsToken,
    boolean generateMissingSecrets) {

  @Override
  public String toString() {
    return "AuthConfig[jwtSecret="
        + (jwtSecret.isPresent() ? "set" : "generated")
        + ", metricsToken="
        + (metricsToken.isPresent() ? "set" : "none")
        + ", generateMissingSecrets="
        + generateMissingSecrets
        + "]";
  }

  static AuthConfig read(ConfigReader r, RunMode mode, boolean generateMissingSecrets) {
    boolean production = mode == RunMode.PRODUCTION;
    Optional<String> jwtSecret = r.optional(Var.JWT_SECRET);
    if (jwtSecret.isEmpty() && !generateMissingSecrets) {
      r.problem(
          Var.JWT_SECRET,
          "is required "
              + (production ? "in production" : "outside development with a DATABASE_URL")
              + "; generate: openssl rand -hex 32");
    }
    jwtSecret.ifPresent(s -> checkSecret(r, Var.JWT_SECRET, s, production));

    Optional<String> metricsToken = r.optional(Var.METRICS_TOKEN);
    if (metricsToken.isEmpty() && production) {
      r.problem(
          Var.METRICS_TOKEN,
          "is required in production (GET /metrics needs it as a bearer token);"
              + " generate: openssl rand -hex 32");
    }
    metricsToken.ifPresent(t -> checkSecret(r, Var.METRICS_TOKEN, t, production));

    String adminEmail = r.get(Var.ADMIN_EMAIL, AuthConfig::email, Var.ADMIN_EMAIL.defaultValue());
    Optional<String> adminPassword = r.optional(Var.ADMIN_PASSWORD);
    adminPassword.ifPresent(
        pw -> {
          if (SecretRules.tooLongForBcrypt(pw)) {
            r.problem(
                Var.ADMIN_PASSWORD,
                "must be at most " + SecretRules.MAX_PASSWORD_BYTES + " bytes (bcrypt's limit)");
          } else if (production) {
            SecretRules.passwordProblem(pw)
                .ifPresent(
                    rule ->
                        r.problem(
                            Var.ADMIN_PASSWORD,
                            "is too weak (" + rule + "); generate: openssl rand -base64 18"));
          }
        });
    int jwtHours = r.integer(Var.JWT_EXPIRATION_HOURS, 1, 24 * 30);
    return new AuthConfig(
        jwtSecret,
        Duration.ofHours(jwtHours),
        adminEmail,
        adminPassword,
        metricsToken,
        generateMissingSecrets);
  }

  private static void checkSecret(ConfigReader r, Var var, String value, boolean production) {
    if (production && SecretRules.weakSecret(value)) {
      r.problem(
          var,
          "is too weak (at least "
              + SecretRules.MIN_SECRET_BYTES
              + " bytes, not a known default); generate: openssl rand -hex 32");
    } else if (!production && SecretRules.shortSecret(value)) {
      r.problem(var, "must be at least " + SecretRules.MIN_SECRET_BYTES + " bytes");
    }
  }

  private static String email(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("must be an e-mail address");
    }
    return v;
  }
}
