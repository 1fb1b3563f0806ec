package ar.booking.app;

import ar.booking.app.admin.AdminApi;
import ar.booking.app.auth.AuthApi;
import ar.booking.app.auth.ClientAddress;
import ar.booking.app.auth.JwtTokens;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.auth.RateLimiter;
import ar.booking.app.config.Config;
import ar.booking.app.config.RunMode;
import ar.booking.app.health.HealthApi;
import ar.booking.app.health.HealthCheck;
import ar.booking.app.health.HealthChecks;
import ar.booking.app.health.SystemChecks;
import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import ar.booking.app.http.RequestTracking;
import ar.booking.app.http.RouteGroup;
import ar.booking.app.metrics.Metrics;
import ar.booking.app.metrics.MetricsBookingEvents;
import ar.booking.app.nlu.NluApi;
import ar.booking.core.conversation.SpanishRequestParser;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.RedisBookingLocks;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part by hand from a {@link Config} and a clock, starts the
 * HTTP server and the background job, and stops them in order. One instance runs once.
 */
public final class BookingApp {

  private static final Logger log = LoggerFactory.getLogger(BookingApp.class);

  private final Config config;
  private final Clock clock;
  private final List<RouteGroup> extraRoutes;
  private final PasswordHasher hasher;
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final List<AutoCloseable> resources = new ArrayList<>();

  private Javalin server;
  private HoldExpiryJob expiryJob;
  private boolean started;
  private boolean stopped;

  private BookingApp(
      Config config, Clock clock, List<RouteGroup> extraRoutes, PasswordHasher hasher) {
    this.config = config;
    this.clock = clock;
    this.extraRoutes = List.copyOf(extraRoutes);
    this.hasher = hasher;
  }

  public static BookingApp create(Config config, Clock clock) {
    return create(config, clock, List.of());
  }

  /** An app with extra route groups (tests add slow or failing routes this way). */
  public static BookingApp create(Config config, Clock clock, List<RouteGroup> extraRoutes) {
    return new BookingApp(
        config, clock, extraRoutes, new PasswordHasher(PasswordHasher.DEFAULT_COST));
  }

  /** Starts on {@code config.http().port()}. */
  public BookingApp start() {
    return start(config.http().port());
  }

  /**
   * Connects, migrates, wires and starts serving on {@code port} (0 = any free port).
   *
   * @throws StartupException or {@link ar.booking.core.ports.StorageFailure} when it cannot
   */
  public synchronized BookingApp start(int port) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    log.info("Starting: {}", config);
    try {
      wire(port);
    } catch (RuntimeException e) {
      closeResources();
      throw e;
    }
    ready.set(true);
    log.info("Ready on port {} ({} mode)", server.port(), config.mode());
    return this;
  }

  private void wire(int port) {
    Metrics metrics = track(new Metrics());
    Storage storage = track(Storage.open(config));
    PostgresStores stores = storage.stores();
    metrics.bindPool(stores.dataSource());

    HealthChecks health = new HealthChecks();
    health.critical("database", () -> databaseCheck(stores));

    BookingLocks locks;
    if (config.redis().url().isPresent()) {
      RedisBookingLocks redis =
          track(
              RedisBookingLocks.connect(
                  config.redis().url().get(),
                  config.redis().password().orElse(null),
                  "booking:",
                  Duration.ofSeconds(10)));
      health.degrading(
          "redis",
          () -> {
            Map<String, Object> details = Map.of("failures", redis.failures());
            return redis.healthy()
                ? HealthCheck.Result.up(details)
                : HealthCheck.Result.down(details);
          });
      locks = redis;
    } else {
      locks = new InProcessBookingLocks();
    }
    health.degrading("disk", SystemChecks.disk(config.dataDir()));
    health.degrading("memory", SystemChecks.memory());

    BookingSettings settings = BookingSettings.DEFAULT.withHoldTtl(config.booking().holdTtl());
    BookingEngine engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            locks,
            new MetricsBookingEvents(metrics.registry()),
            clock,
            settings);

    if (config.mode() == RunMode.DEVELOPMENT) {
      int seeded =
          DemoSeed.seedIfEmpty(
              stores.accommodations(),
              java.time.LocalDate.ofInstant(clock.instant(), config.booking().timezone()),
              config.booking().timezone());
      if (seeded > 0) {
        log.info("Seeded {} demo units", seeded);
      }
    }
    AdminBootstrap.ensureAdmin(stores.ownerAccounts(), hasher, config, clock.instant(), System.out);

    String secret = jwtSecret();
    JwtTokens tokens = new JwtTokens(secret, config.auth().jwtExpiration(), clock);
    RateLimiter adminLimiter = null;
    RateLimiter loginLimiter = null;
    if (config.http().rateLimitEnabled()) {
      adminLimiter =
          new RateLimiter(
              config.http().rateLimitRequests(),
              config.http().rateLimitWindow(),
              Clock.systemUTC());
      loginLimiter =
          new RateLimiter(
              config.http().loginRateLimitRequests(),
              config.http().rateLimitWindow(),
              Clock.systemUTC());
    }

    List<RouteGroup> groups = new ArrayList<>();
    groups.add(new HealthApi(health, ready::get));
    groups.add(metrics);
    groups.add(
        new AuthApi(
            stores.ownerAccounts(),
            hasher,
            tokens,
            adminLimiter,
            loginLimiter,
            new ClientAddress(config.http().trustProxyHeaders())));
    groups.addAll(
        new AdminApi(engine, stores.accommodations(), stores.reservations(), clock).routes());
    groups.add(
        new NluApi(
                new SpanishRequestParser(settings.stayRules()), clock, config.booking().timezone())
            .routes());
    groups.addAll(extraRoutes);

    RequestTracking tracking =
        new RequestTracking(
            config.http().maxRequestBytes(),
            metrics::recordRequest,
            Set.of(HealthApi.HEALTHZ, HealthApi.READYZ, Metrics.PATH));
    server =
        HttpApi.create(
            Json.mapper(),
            groups,
            javalin -> {
              tracking.configure(javalin);
              javalin.jetty.modifyServer(
                  jetty -> {
                    // Graceful stop: refuse new connections, let in-flight requests finish.
                    jetty.setStopTimeout(config.http().shutdownTimeout().toMillis());
                    jetty.setHandler(new GracefulHandler());
                  });
            });
    server.start(port);

    expiryJob = new HoldExpiryJob(engine.expireHolds(), config.jobs().expiryInterval());
    expiryJob.start();
  }

  /** {@code JWT_SECRET}, or (only where {@link Config} allows it) one kept under DATA_DIR. */
  private String jwtSecret() {
    if (config.auth().jwtSecret().isPresent()) {
      return config.auth().jwtSecret().get();
    }
    if (!config.auth().generateMissingSecrets()) {
      throw new StartupException("JWT_SECRET is not set; generate: openssl rand -hex 32");
    }
    return JwtSecrets.loadOrCreate(config.dataDir());
  }

  private static HealthCheck.Result databaseCheck(PostgresStores stores) {
    long start = System.nanoTime();
    try {
      Duration latency = stores.ping();
      return HealthCheck.Result.up(Map.of("latency_ms", latency.toMillis()));
    } catch (RuntimeException e) {
      return HealthCheck.Result.down(
          Map.of(
              "latency_ms",
              (System.nanoTime() - start) / 1_000_000,
              "error",
              String.valueOf(e.getMessage())));
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  /** The port the server is bound to. */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.port();
  }

  public boolean ready() {
    return ready.get();
  }

  /**
   * Stops taking requests, waits for in-flight ones (up to {@code SHUTDOWN_TIMEOUT_SECONDS}), stops
   * the hold-expiry job and closes the pools. Idempotent.
   */
  public synchronized void stop() {
    if (!started || stopped) {
      return;
    }
    stopped = true;
    ready.set(false);
    log.info(
        "Shutting down: refusing new requests, waiting up to {} s for in-flight ones",
        config.http().shutdownTimeout().toSeconds());
    if (server != null) {
      server.stop();
    }
    if (expiryJob != null) {
      expiryJob.close();
    }
    closeResources();
    log.info("Graceful shutdown complete");
  }

  private void closeResources() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn(
            "Closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
    resources.clear();
  }
}
