package ar.booking.app.config;

import java.util.Locale;

/** How the application runs: demo-friendly development, tests, or strict production. */
public enum RunMode {
  DEVELOPMENT,
  TEST,
  PRODUCTION;

  static RunMode parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "development", "dev" -> DEVELOPMENT;
      case "test" -> TEST;
      case "production", "prod" -> PRODUCTION;
      default ->
          throw new IllegalArgumentException("must be development, test or production: " + value);
    };
  }
}
