package ar.booking.app.config;

import java.net.URI;
import java.util.Optional;

/** PostgreSQL: {@code DATABASE_URL} (empty = the embedded database) and the pool size. */
public record DatabaseConfig(Optional<String> url, int poolSize) {

  /** No {@code DATABASE_URL}: an embedded PostgreSQL under {@code DATA_DIR} (never production). */
  public boolean embedded() {
    return url.isEmpty();
  }

  @Override
  public String toString() {
    // The URL carries the password.
    return "DatabaseConfig["
        + (embedded() ? "embedded" : "configured")
        + ", pool="
        + poolSize
        + "]";
  }

  static DatabaseConfig read(ConfigReader r, RunMode mode) {
    Optional<String> url = r.optional(Var.DATABASE_URL);
    url.ifPresent(
        u -> {
          if (!(u.startsWith("postgresql://")
              || u.startsWith("postgres://")
              || u.startsWith("jdbc:postgresql://"))) {
            r.problem(
                Var.DATABASE_URL,
                "must look like postgresql://user:pass@host:5432/db or"
                    + " jdbc:postgresql://host:5432/db");
          } else if (!wellFormed(u)) {
            // Never echo the URL: it carries the password.
            r.problem(
                Var.DATABASE_URL,
                "cannot be read as host, port, database and user; percent-encode special"
                    + " characters of the password (/ as %2F, + as %2B, space as %20, @ as %40)");
          }
        });
    if (mode == RunMode.PRODUCTION && url.isEmpty()) {
      r.problem(Var.DATABASE_URL, "is required in production (no embedded database in production)");
    }
    return new DatabaseConfig(url, r.integer(Var.DB_POOL_SIZE, 1, 200));
  }

  /**
   * A database URL whose parts can be told apart: a host, a database name without '/' or '@' and,
   * for the URI form, a user. A password with an unencoded '/' or space fails here.
   */
  static boolean wellFormed(String url) {
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
}
