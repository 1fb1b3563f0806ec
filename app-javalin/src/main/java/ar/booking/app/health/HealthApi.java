package ar.booking.app.health;

import ar.booking.app.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/v1/healthz} (dependencies) and {@code GET /api/v1/readyz} (wired and serving).
 */
public final class HealthApi implements RouteGroup {

  public static final String HEALTHZ = "/api/v1/healthz";
  public static final String READYZ = "/api/v1/readyz";

  private final HealthChecks checks;
  private final BooleanSupplier ready;
  private final boolean detailed;

  /** With every check's details (latency, error texts…). */
  public HealthApi(HealthChecks checks, BooleanSupplier ready) {
    this(checks, ready, true);
  }

  /**
   * @param detailed false in production: each check answers its name and status only, so that no
   *     error text (host names, driver messages) reaches an anonymous caller
   */
  public HealthApi(HealthChecks checks, BooleanSupplier ready, boolean detailed) {
    this.checks = checks;
    this.ready = ready;
    this.detailed = detailed;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(HEALTHZ, this::healthz);
    routes.get(READYZ, this::readyz);
  }

  private void healthz(Context ctx) {
    HealthChecks.Report report = checks.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", report.status().name().toLowerCase(Locale.ROOT));
    body.put("checks", detailed ? report.checks() : statusesOnly(report.checks()));
    ctx.header("Cache-Control", "no-store");
    ctx.status(report.status() == HealthChecks.Status.UNHEALTHY ? 503 : 200).json(body);
  }

  private static Map<String, Map<String, Object>> statusesOnly(
      Map<String, Map<String, Object>> checks) {
    Map<String, Map<String, Object>> bare = new LinkedHashMap<>();
    checks.forEach((name, check) -> bare.put(name, Map.of("status", check.get("status"))));
    return bare;
  }

  private void readyz(Context ctx) {
    boolean isReady = ready.getAsBoolean();
    ctx.header("Cache-Control", "no-store");
    ctx.status(isReady ? 200 : 503).json(Map.of("status", isReady ? "ready" : "not_ready"));
  }
}
