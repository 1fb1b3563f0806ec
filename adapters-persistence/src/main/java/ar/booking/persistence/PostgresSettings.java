package ar.booking.persistence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the PostgreSQL database is and how many connections to keep.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host:port/db} URL without credentials
 * @param user nullable: the driver default then applies
 * @param password nullable
 * @param poolSize maximum connections of the pool
 * @param connectionTimeout how long a caller waits for a pooled connection (at least 250 ms)
 */
public record PostgresSettings(
    String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout) {

  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1: " + poolSize);
    }
    connectionTimeout = connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : connectionTimeout;
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connection timeout must be at least 250 ms");
    }
  }

  /**
   * Reads {@code postgresql://user:pass@host:port/db} (or {@code postgres://}) and {@code
   * jdbc:postgresql://host:port/db?user=…&password=…}; other query parameters are kept.
   */
  public static PostgresSettings fromUrl(String url, int poolSize) {
    Objects.requireNonNull(url, "url");
    String trimmed = url.strip();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return fromJdbc(trimmed, poolSize);
    }
    if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
      return fromUri(trimmed, poolSize);
    }
    throw new IllegalArgumentException(
        "expected postgresql://user:pass@host:port/db or jdbc:postgresql://…, got: "
            + redact(trimmed));
  }

  public PostgresSettings withPoolSize(int newPoolSize) {
    return new PostgresSettings(jdbcUrl, user, password, newPoolSize, connectionTimeout);
  }

  public PostgresSettings withConnectionTimeout(Duration timeout) {
    return new PostgresSettings(jdbcUrl, user, password, poolSize, timeout);
  }

  /** The same server and credentials, another database. */
  public PostgresSettings withDatabase(String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    String server = slash < 0 ? base : base.substring(0, slash);
    return new PostgresSettings(
        server + "/" + database + params, user, password, poolSize, connectionTimeout);
  }

  private static PostgresSettings fromUri(String url, int poolSize) {
    URI uri = URI.create(url);
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    QueryParts query = QueryParts.split(uri.getRawQuery());
    user = query.user != null ? query.user : user;
    password = query.password != null ? query.password : password;
    String jdbc = "jdbc:postgresql://" + host + ":" + port + path + query.rest();
    return new PostgresSettings(jdbc, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT);
  }

  private static PostgresSettings fromJdbc(String url, int poolSize) {
    int q = url.indexOf('?');
    if (q < 0) {
      return new PostgresSettings(url, null, null, poolSize, DEFAULT_CONNECTION_TIMEOUT);
    }
    QueryParts query = QueryParts.split(url.substring(q + 1));
    return new PostgresSettings(
        url.substring(0, q) + query.rest(),
        query.user,
        query.password,
        poolSize,
        DEFAULT_CONNECTION_TIMEOUT);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String redact(String url) {
    return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@")
        .replaceAll("(?i)password=[^&]*", "password=***");
  }

  @Override
  public String toString() {
    return "PostgresSettings["
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", poolSize="
        + poolSize
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }

  private record QueryParts(String user, String password, List<String> others) {
    static QueryParts split(String rawQuery) {
      String user = null;
      String password = null;
      List<String> others = new ArrayList<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          String[] kv = pair.split("=", 2);
          String value = kv.length > 1 ? decode(kv[1]) : "";
          switch (kv[0]) {
            case "user" -> user = value;
            case "password" -> password = value;
            default -> others.add(pair);
          }
        }
      }
      return new QueryParts(user, password, others);
    }

    String rest() {
      return others.isEmpty() ? "" : "?" + String.join("&", others);
    }
  }
}
