package ar.booking.app;

import ar.booking.app.admin.AdminApi;
import ar.booking.app.admin.CalendarSyncAdmin;
import ar.booking.app.auth.AuthApi;
import ar.booking.app.auth.ClientAddress;
import ar.booking.app.auth.JwtTokens;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.auth.PasswordVersions;
import ar.booking.app.auth.RateLimiter;
import ar.booking.app.config.Config;
import ar.booking.app.config.RunMode;
import ar.booking.app.console.ConsoleAlerts;
import ar.booking.app.console.ConsoleApi;
import ar.booking.app.console.ConsoleData;
import ar.booking.app.console.ConsoleServices;
import ar.booking.app.console.ConversationDesk;
import ar.booking.app.console.LatestPayments;
import ar.booking.app.console.SandboxChat;
import ar.booking.app.events.EventsApi;
import ar.booking.app.events.MetricsSubscriber;
import ar.booking.app.health.HealthApi;
import ar.booking.app.health.HealthChecks;
import ar.booking.app.health.SystemChecks;
import ar.booking.app.http.HttpApi;
import ar.booking.app.http.Json;
import ar.booking.app.http.RequestTracking;
import ar.booking.app.http.RouteGroup;
import ar.booking.app.ical.IcalExportApi;
import ar.booking.app.ical.IcalSync;
import ar.booking.app.jobs.BackgroundJobs;
import ar.booking.app.mercadopago.MercadoPago;
import ar.booking.app.metrics.Metrics;
import ar.booking.app.metrics.MetricsBookingEvents;
import ar.booking.app.nlu.NluApi;
import ar.booking.app.notifications.Notifications;
import ar.booking.app.speech.Speech;
import ar.booking.app.speech.WhatsAppAudio;
import ar.booking.app.whatsapp.InboxWorker;
import ar.booking.app.whatsapp.OutboxDispatcher;
import ar.booking.app.whatsapp.WhatsAppChannel;
import ar.booking.app.whatsapp.WhatsAppWebhook;
import ar.booking.calendar.FetchSettings;
import ar.booking.calendar.HttpFeedFetcher;
import ar.booking.calendar.Ical4jFeedParser;
import ar.booking.calendar.IcsWriter;
import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.ExportCalendar;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.calendarsync.RemoveFeed;
import ar.booking.core.calendarsync.ResolveConflict;
import ar.booking.core.calendarsync.RotateExportToken;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.calendarsync.SyncSettings;
import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.conversation.SpanishRequestParser;
import ar.booking.core.conversation.dialog.DialogSettings;
import ar.booking.core.conversation.dialog.HandleGuestMessage;
import ar.booking.core.conversation.dialog.ReleaseConversation;
import ar.booking.core.conversation.dialog.ReplyAsOwner;
import ar.booking.core.event.EventDispatcher;
import ar.booking.core.event.EventSubscriber;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.messaging.whatsapp.media.WhatsAppMediaDownloader;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the HTTP API, authentication, health, metrics and the background job
 * by hand around assembled {@link Adapters}, starts the HTTP server and the job, and stops them in
 * order. One instance runs once; it owns its adapters and closes them on stop.
 */
public final class BookingApp {

  private static final Logger log = LoggerFactory.getLogger(BookingApp.class);

  /**
   * How long an instance trusts its cached view of an account's password version: a password
   * changed on another instance kills older tokens here within this time.
   */
  static final Duration PASSWORD_VERSION_CACHE = Duration.ofSeconds(10);

  /** How long a hold waits at most for a stale unit's feeds to answer. */
  static final Duration HOLD_REFRESH_TIMEOUT = Duration.ofSeconds(3);

  /** The {@code PRODID} of the exported calendars. */
  static final String PROD_ID = "-//Reservas//Calendar export//ES";

  /** The {@code User-Agent} of feed fetches, completed with {@code BASE_URL} and ")". */
  static final String USER_AGENT_PREFIX = "Reservas/1.0 (+";

  private final Config config;
  private final Supplier<Adapters> adapterSource;
  private final List<RouteGroup> extraRoutes;
  private final PasswordHasher hasher;
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final List<AutoCloseable> resources = new ArrayList<>();

  private Adapters adapters;
  private Javalin server;
  private BackgroundJobs jobs;
  private MercadoPago mercadoPago;
  private WhatsAppChannel whatsapp;
  private Function<GuestMessageWiring, GuestMessageHandler> guestMessages = BookingApp::dialog;
  private InboxWorker.Settings inboxSettings = InboxWorker.Settings.DEFAULT;
  private OutboxDispatcher.Settings outboxSettings = OutboxDispatcher.Settings.DEFAULT;
  private boolean started;
  private boolean stopped;

  private BookingApp(
      Config config,
      Supplier<Adapters> adapterSource,
      List<RouteGroup> extraRoutes,
      PasswordHasher hasher) {
    this.config = Objects.requireNonNull(config, "config");
    this.adapterSource = adapterSource;
    this.extraRoutes = List.copyOf(extraRoutes);
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** The app on the given adapters. */
  public static BookingApp create(Config config, Adapters adapters) {
    return create(config, adapters, List.of());
  }

  /** The app on the given adapters, with extra route groups (tests add slow or failing routes). */
  public static BookingApp create(Config config, Adapters adapters, List<RouteGroup> extraRoutes) {
    return create(config, adapters, extraRoutes, new PasswordHasher(PasswordHasher.DEFAULT_COST));
  }

  /** As above with another password hasher (tests use a cheaper bcrypt cost). */
  public static BookingApp create(
      Config config, Adapters adapters, List<RouteGroup> extraRoutes, PasswordHasher hasher) {
    Objects.requireNonNull(adapters, "adapters");
    return new BookingApp(config, () -> adapters, extraRoutes, hasher);
  }

  /** The app on the production adapters of {@code config}, connected when it starts. */
  public static BookingApp create(Config config, Clock clock) {
    return create(config, clock, List.of());
  }

  /** As above, with extra route groups. */
  public static BookingApp create(Config config, Clock clock, List<RouteGroup> extraRoutes) {
    return new BookingApp(
        config,
        () -> Adapters.fromConfig(config, clock),
        extraRoutes,
        new PasswordHasher(PasswordHasher.DEFAULT_COST));
  }

  /** What the handler of guests' WhatsApp messages may be built from. */
  public record GuestMessageWiring(
      Adapters adapters,
      BookingEngine engine,
      Config config,
      IssuePaymentLink paymentLinks,
      SpeechToText speech) {}

  /** The Spanish booking dialog (core {@code conversation.dialog}) on the wired adapters. */
  static GuestMessageHandler dialog(GuestMessageWiring w) {
    Adapters a = w.adapters();
    return new HandleGuestMessage(
        w.engine(),
        a.accommodations(),
        a.reservations(),
        a.conversations(),
        a.outbox(),
        a.events(),
        a.transactions(),
        w.paymentLinks(),
        w.speech(),
        a.clock(),
        DialogSettings.DEFAULT.withHandoffHours((int) w.config().whatsapp().handoff().toHours()));
  }

  /**
   * Who handles what guests send on WhatsApp (default: the dialog, {@link #dialog}). Before {@link
   * #start}.
   */
  public synchronized BookingApp withGuestMessages(
      Function<GuestMessageWiring, GuestMessageHandler> factory) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    this.guestMessages = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Other retry settings for the WhatsApp inbox worker and outbox dispatcher (tests). */
  public synchronized BookingApp withWhatsAppSettings(
      InboxWorker.Settings inbox, OutboxDispatcher.Settings outbox) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    this.inboxSettings = Objects.requireNonNull(inbox, "inbox");
    this.outboxSettings = Objects.requireNonNull(outbox, "outbox");
    return this;
  }

  /** Starts on {@code config.http().port()}. */
  public BookingApp start() {
    return start(config.http().port());
  }

  /**
   * Connects (when the adapters are not assembled yet), wires and starts serving on {@code port} (0
   * = any free port).
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
      adapters = adapterSource.get();
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
    Clock clock = adapters.clock();
    Metrics metrics = track(new Metrics());
    adapters.meterBinders().forEach(metrics::bind);

    HealthChecks health = new HealthChecks();
    adapters.healthChecks().forEach(health::add);
    health.degrading("disk", SystemChecks.disk(config.dataDir()));
    health.degrading("memory", SystemChecks.memory());

    mercadoPago =
        MercadoPago.assemble(
            config.mercadoPago(), config.http().baseUrl(), adapters, metrics.registry());

    // Owner alerts, guest notices and the timeline; reminders carry the hold's payment link.
    Notifications notifications =
        new Notifications(
            config.notifications(),
            adapters,
            config.http().baseUrl(),
            Optional.of(mercadoPago.issuePaymentLink()),
            metrics.registry());
    List<EventSubscriber> subscribers = new ArrayList<>();
    subscribers.add(new MetricsSubscriber(metrics.registry()));
    subscribers.addAll(notifications.subscribers());

    // Subscribers are registered before anything can write, so no event misses a delivery.
    EventDispatcher dispatcher =
        new EventDispatcher(
                adapters.events(),
                subscribers,
                clock,
                EventDispatcher.Settings.DEFAULT,
                notifications.alertingOnDead(BackgroundJobs.dispatchListener(metrics.registry())))
            .registerAll();

    BookingSettings settings = BookingSettings.DEFAULT.withHoldTtl(config.booking().holdTtl());
    BookingEngine engine =
        new BookingEngine(
            adapters.accommodations(),
            adapters.reservations(),
            adapters.transactions(),
            adapters.bookingLocks(),
            new MetricsBookingEvents(metrics.registry()),
            clock,
            settings);

    ExportTokens exportTokens = ExportTokens.fromSecret(icsSalt());
    FetchSettings fetching =
        FetchSettings.production(USER_AGENT_PREFIX + config.http().baseUrl() + ")")
            .allowingPrivateAddresses(config.mode() != RunMode.PRODUCTION);
    SyncCalendar syncCalendar = syncCalendar(fetching);
    // Before a hold, a stale unit's feeds are refreshed with a short timeout: the hold waits
    // seconds at most, and a feed that does not answer in time changes nothing.
    SyncCalendar refreshBeforeHold = syncCalendar(fetching.withReadTimeout(HOLD_REFRESH_TIMEOUT));
    Consumer<AccommodationId> beforeHold =
        unit -> {
          try {
            refreshBeforeHold.refreshIfStale(unit, config.ical().refreshBeforeHold());
          } catch (RuntimeException e) {
            log.warn("Calendar refresh before a hold on unit {} failed: {}", unit, e.toString());
          }
        };
    IcalSync icalSync =
        new IcalSync(
            syncCalendar,
            adapters.calendarFeeds(),
            clock,
            config.ical().syncInterval(),
            config.ical().syncMaxAge(),
            metrics.registry());
    health.degrading("ical", icalSync.health());
    List<ScheduledJob> moreJobs = new ArrayList<>();
    moreJobs.add(icalSync.job());
    moreJobs.addAll(mercadoPago.jobs(config.jobs().eventsInterval()));
    moreJobs.addAll(notifications.jobs());

    jobs =
        new BackgroundJobs(
            adapters.jobSchedule(),
            engine.expireHolds(),
            adapters.events(),
            dispatcher,
            config.jobs().expiryInterval(),
            config.jobs().eventsInterval(),
            moreJobs,
            clock,
            metrics.registry());
    health.degrading("jobs", jobs.health());

    if (config.mode() == RunMode.DEVELOPMENT) {
      int seeded =
          DemoSeed.seedIfEmpty(
              adapters.accommodations(),
              LocalDate.ofInstant(clock.instant(), config.booking().timezone()),
              config.booking().timezone());
      if (seeded > 0) {
        log.info("Seeded {} demo units", seeded);
      }
    }
    AdminBootstrap.ensureAdmin(
        adapters.ownerAccounts(), hasher, config, clock.instant(), System.out);

    String secret = jwtSecret();
    JwtTokens tokens = new JwtTokens(secret, config.auth().jwtExpiration(), clock);
    PasswordVersions passwordVersions =
        new PasswordVersions(adapters.ownerAccounts(), PASSWORD_VERSION_CACHE);
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
    boolean production = config.mode() == RunMode.PRODUCTION;
    groups.add(new HealthApi(health, ready::get, !production));
    groups.add(metrics.routes(config.auth().metricsToken()));
    groups.add(
        new AuthApi(
            adapters.ownerAccounts(),
            hasher,
            tokens,
            passwordVersions,
            adminLimiter,
            loginLimiter,
            new ClientAddress(config.http().trustProxyHeaders())));
    CalendarSyncAdmin calendarSync =
        new CalendarSyncAdmin(
            adapters.calendarFeeds(),
            syncCalendar,
            new AddFeed(adapters.calendarFeeds(), adapters.accommodations(), clock),
            new RemoveFeed(
                adapters.calendarFeeds(), adapters.reservations(), adapters.transactions(), clock),
            new ResolveConflict(adapters.calendarFeeds(), clock),
            new RotateExportToken(adapters.accommodations(), adapters.transactions(), exportTokens),
            exportTokens,
            config.http().baseUrl(),
            config.ical().syncMaxAge(),
            icalSync::count);
    RecordPayment recordPayment =
        new RecordPayment(
            adapters.reservations(), adapters.payments(), adapters.transactions(), clock);
    groups.addAll(
        new AdminApi(
                engine,
                adapters.accommodations(),
                adapters.reservations(),
                adapters.payments(),
                adapters.paymentLinks(),
                recordPayment,
                clock,
                calendarSync,
                beforeHold)
            .routes());
    // The owner's console (/admin, ADR 0014) on the same use cases, with the conversations,
    // payments and alerts of the channels (ConsoleData).
    ConversationDesk desk = conversationDesk(clock);
    groups.add(
        new ConsoleApi(
            new ConsoleServices(
                engine,
                adapters.accommodations(),
                adapters.reservations(),
                adapters.payments(),
                recordPayment,
                calendarSync,
                adapters.ownerAccounts(),
                hasher,
                passwordVersions,
                tokens,
                secret,
                config.auth().jwtExpiration(),
                production,
                loginLimiter,
                new ClientAddress(config.http().trustProxyHeaders()),
                clock,
                config.booking().timezone(),
                consoleData(desk))));
    groups.add(new EventsApi(adapters.events(), clock));
    groups.addAll(mercadoPago.routes());
    groups.add(notifications.routes());
    groups.add(
        new IcalExportApi(
            new ExportCalendar(
                adapters.accommodations(),
                adapters.reservations(),
                exportTokens,
                clock,
                ExportCalendar.Settings.forHost(URI.create(config.http().baseUrl()).getHost())),
            new IcsWriter(PROD_ID),
            config.http().rateLimitEnabled()
                ? new RateLimiter(
                    config.http().rateLimitRequests(),
                    config.http().rateLimitWindow(),
                    Clock.systemUTC())
                : null,
            new ClientAddress(config.http().trustProxyHeaders()),
            clock,
            metrics.registry()));
    groups.add(
        new NluApi(
                new SpanishRequestParser(settings.stayRules()), clock, config.booking().timezone())
            .routes());
    // Voice notes: downloaded from Meta, decoded and recognised by Vosk (ADR 0013). Without
    // WhatsApp
    // credentials (the sandbox) there is nothing to download: the guest is asked to write.
    SpeechToText speechToText;
    if (config.whatsapp().accessToken().isPresent()) {
      Speech speech =
          track(
              Speech.fromConfig(
                  config.speech(),
                  new WhatsAppAudio(
                      new WhatsAppMediaDownloader(
                          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                          URI.create(config.whatsapp().apiBaseUrl()),
                          config.whatsapp().accessToken().get(),
                          config.speech().maxBytes(),
                          Duration.ofSeconds(15))),
                  metrics.registry()));
      health.degrading("speech", speech.health());
      speechToText = speech.speechToText();
    } else {
      speechToText =
          SpeechToText.unavailable("voice notes need the WhatsApp Cloud API credentials");
    }
    whatsapp =
        new WhatsAppChannel(
            config.whatsapp(),
            new WhatsAppChannel.Ports(
                adapters.inbox(),
                adapters.outbox(),
                adapters.conversations(),
                adapters.events(),
                adapters.transactions(),
                clock),
            guestMessages.apply(
                new GuestMessageWiring(
                    adapters, engine, config, mercadoPago.issuePaymentLink(), speechToText)),
            metrics.registry(),
            Json.mapper(),
            inboxSettings,
            outboxSettings);
    health.degrading("inbox", whatsapp.inboxHealth());
    health.degrading("outbox", whatsapp.outboxHealth());
    groups.addAll(whatsapp.routes());
    if (config.mode() == RunMode.DEVELOPMENT) {
      // The developer's WhatsApp sandbox (/sandbox): guest messages as signed webhook deliveries.
      groups.add(
          new SandboxChat(
              desk,
              config.whatsapp().appSecret(),
              WhatsAppWebhook.PATH,
              () -> server.port(),
              clock,
              config.booking().timezone()));
    }
    groups.addAll(extraRoutes);

    RequestTracking tracking =
        new RequestTracking(
            config.http().maxRequestBytes(),
            metrics::recordRequest,
            Set.of(HealthApi.HEALTHZ, HealthApi.READYZ, Metrics.PATH),
            WhatsAppChannel.bodyLimits());
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

    jobs.start();
    whatsapp.start();
  }

  /** What the console shows from the WhatsApp, Mercado Pago and notification parts. */
  private ConsoleData consoleData(ConversationDesk desk) {
    return ConsoleData.none()
        .withAlerts(new ConsoleAlerts(adapters.outbox(), adapters.events()))
        .withPayments(new LatestPayments(adapters.payments()))
        .withPaymentLinks(mercadoPago.issuePaymentLink())
        .withInbox(desk);
  }

  /** The conversations for the console's inbox and the sandbox. */
  private ConversationDesk conversationDesk(Clock clock) {
    return new ConversationDesk(
        adapters.conversations(),
        adapters.inbox(),
        adapters.outbox(),
        new ReleaseConversation(
            adapters.conversations(), adapters.events(), adapters.transactions(), clock),
        new ReplyAsOwner(adapters.outbox(), clock),
        clock,
        () -> {
          if (whatsapp != null) {
            whatsapp.dispatcher().wake();
          }
        });
  }

  /** The WhatsApp channel (its loops, for tests), once started. */
  public WhatsAppChannel whatsapp() {
    if (whatsapp == null) {
      throw new IllegalStateException("not started");
    }
    return whatsapp;
  }

  /** The calendar sync on the assembled adapters, fetching with {@code fetching}. */
  private SyncCalendar syncCalendar(FetchSettings fetching) {
    return new SyncCalendar(
        adapters.calendarFeeds(),
        adapters.accommodations(),
        adapters.reservations(),
        adapters.transactions(),
        adapters.bookingLocks(),
        adapters.events(),
        new HttpFeedFetcher(fetching),
        new Ical4jFeedParser(),
        adapters.clock(),
        SyncSettings.DEFAULT.withReleaseAfterMisses(config.ical().releaseAfterMisses()));
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

  /** {@code ICS_SALT}, or (only where {@link Config} allows it) one kept under DATA_DIR. */
  private String icsSalt() {
    if (config.ical().icsSalt().isPresent()) {
      return config.ical().icsSalt().get();
    }
    if (!config.auth().generateMissingSecrets()) {
      throw new StartupException("ICS_SALT is not set; generate: openssl rand -hex 32");
    }
    return JwtSecrets.loadOrCreate(config.dataDir(), JwtSecrets.ICS_SALT_FILE);
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  /**
   * Mercado Pago as assembled at start: the payment link use case ({@link
   * MercadoPago#issuePaymentLink()}) the guest dialog uses, the processing and the sandbox.
   */
  public MercadoPago mercadoPago() {
    if (mercadoPago == null) {
      throw new IllegalStateException("not started");
    }
    return mercadoPago;
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
   * the background jobs (waiting for a running one) and closes the app's and the adapters'
   * resources. Idempotent.
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
    if (whatsapp != null) {
      whatsapp.close(); // waits for a running pass
    }
    if (jobs != null) {
      jobs.close(); // waits for a running job to finish
    }
    closeResources();
    log.info("Graceful shutdown complete");
  }

  private void closeResources() {
    if (whatsapp != null) {
      whatsapp.close();
    }
    if (adapters != null) {
      adapters.close();
    }
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
