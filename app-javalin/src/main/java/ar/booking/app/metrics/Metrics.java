package ar.booking.app.metrics;

import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The Prometheus registry of one app instance and {@code GET /metrics}: JVM, connection pool, HTTP
 * latency by route template and status, and the business counters.
 */
public final class Metrics implements RouteGroup, AutoCloseable {

  public static final String PATH = "/metrics";

  /**
   * The Prometheus client (1.x) refuses metric names ending in {@code _created} (an OpenMetrics
   * reserved suffix), so {@code reservations_created_total} is registered under this name and
   * renamed in the text exposition.
   */
  static final String CREATED_METER = "reservations.new";

  private static final Pattern CREATED_RENAME =
      Pattern.compile("(?m)^(# (?:HELP|TYPE) )?reservations_new_total\\b");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Binds extra meters (an adapter's pool, its clients) to this registry. */
  public void bind(MeterBinder binder) {
    binder.bindTo(registry);
  }

  /** Pool gauges (hikaricp_connections_*) read from the pool's MXBean. */
  public void bindPool(DataSource dataSource) {
    bind(pool(dataSource));
  }

  /** The pool gauges of a data source (nothing unless it is a Hikari pool), for any registry. */
  public static MeterBinder pool(DataSource dataSource) {
    return registry -> {
      if (!(dataSource instanceof HikariDataSource hikari)) {
        return;
      }
      String pool = hikari.getPoolName();
      poolGauge(
          registry,
          hikari,
          pool,
          "hikaricp.connections.active",
          HikariPoolMXBean::getActiveConnections);
      poolGauge(
          registry,
          hikari,
          pool,
          "hikaricp.connections.idle",
          HikariPoolMXBean::getIdleConnections);
      poolGauge(
          registry, hikari, pool, "hikaricp.connections", HikariPoolMXBean::getTotalConnections);
      poolGauge(
          registry,
          hikari,
          pool,
          "hikaricp.connections.pending",
          HikariPoolMXBean::getThreadsAwaitingConnection);
      Gauge.builder("hikaricp.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
          .tag("pool", pool)
          .register(registry);
    };
  }

  private static void poolGauge(
      MeterRegistry registry,
      HikariDataSource hikari,
      String pool,
      String name,
      Function<HikariPoolMXBean, Number> value) {
    Gauge.builder(
            name,
            hikari,
            ds -> {
              HikariPoolMXBean bean = ds.getHikariPoolMXBean();
              return bean == null ? Double.NaN : value.apply(bean).doubleValue();
            })
        .tag("pool", pool)
        .register(registry);
  }

  /** Records one HTTP request; {@code route} must be a template, never a raw path. */
  public void recordRequest(String method, String route, int status, Duration elapsed) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
  }

  /** {@code GET /metrics}, open to anyone (development without a token). */
  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(PATH, this::scrape);
  }

  /**
   * {@code GET /metrics}: open when {@code token} is empty, otherwise only with {@code
   * Authorization: Bearer <token>} (401 JSON without it).
   */
  public RouteGroup routes(Optional<String> token) {
    if (token.isEmpty()) {
      return this;
    }
    ScrapeToken required = new ScrapeToken(token.get());
    return routes ->
        routes.get(
            PATH,
            ctx -> {
              if (!required.matches(ctx.header("Authorization"))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiException(
                    401,
                    "unauthorized",
                    "GET /metrics needs the header Authorization: Bearer <METRICS_TOKEN>.");
              }
              scrape(ctx);
            });
  }

  private void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape());
  }

  /** The Prometheus text exposition, with the business counters under their agreed names. */
  public String scrape() {
    return CREATED_RENAME.matcher(registry.scrape()).replaceAll("$1reservations_created_total");
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
