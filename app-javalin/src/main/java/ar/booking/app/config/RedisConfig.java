package ar.booking.app.config;

import java.util.Optional;

/** Redis for the per-unit booking locks; empty URL = in-process locks (one instance). */
public record RedisConfig(Optional<String> url, Optional<String> password) {

  @Override
  public String toString() {
    return "RedisConfig[" + (url.isPresent() ? "configured" : "none") + "]";
  }

  static RedisConfig read(ConfigReader r) {
    Optional<String> url = r.optional(Var.REDIS_URL);
    url.ifPresent(
        u -> {
          if (!u.startsWith("redis://") && !u.startsWith("rediss://")) {
            r.problem(Var.REDIS_URL, "must start with redis:// or rediss://");
          }
        });
    return new RedisConfig(url, r.optional(Var.REDIS_PASSWORD));
  }
}
