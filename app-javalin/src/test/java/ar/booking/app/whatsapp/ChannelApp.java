package ar.booking.app.whatsapp;

import ar.booking.app.Adapters;
import ar.booking.app.BookingApp;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.config.Config;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real app with the WhatsApp channel wired to an {@link EchoHandler}, spoken to over HTTP. */
public final class ChannelApp implements AutoCloseable {

  public static final String APP_SECRET = "whatsapp-app-secret-for-tests";
  public static final String VERIFY_TOKEN = "verify-token-0123456789abcdef";
  public static final String ADMIN_EMAIL = "owner@cabanas.test";
  public static final String ADMIN_PASSWORD = "correct horse battery staple";

  /** Quick retries so tests wait milliseconds, not minutes. */
  public static final InboxWorker.Settings FAST_INBOX =
      new InboxWorker.Settings(
          3,
          Duration.ofMillis(50),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          4);

  public static final OutboxDispatcher.Settings FAST_OUTBOX =
      new OutboxDispatcher.Settings(
          4,
          Duration.ofMillis(50),
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          4);

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final BookingApp app;
  private final List<String> handled;
  private String token;

  private ChannelApp(BookingApp app, List<String> handled) {
    this.app = app;
    this.handled = handled;
  }

  /** Settings of a test run against {@code graph}: no database URL (the caller adds one). */
  public static Map<String, String> env(GraphStandIn graph) {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "test");
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JWT_SECRET", "0123456789abcdef0123456789abcdef-whatsapp-tests");
    env.put("ICS_SALT", "fedcba9876543210fedcba9876543210-whatsapp-tests");
    env.put("RATE_LIMIT_ENABLED", "false");
    env.put("DATA_DIR", System.getProperty("java.io.tmpdir"));
    env.put("SHUTDOWN_TIMEOUT_SECONDS", "2");
    env.put("PORT", "0");
    env.put("WHATSAPP_APP_SECRET", APP_SECRET);
    env.put("WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN);
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-stand-in-token");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    env.put("WHATSAPP_API_BASE_URL", graph.baseUrl());
    env.put("WHATSAPP_TEMPLATE_REPLY", "booking_reply");
    return env;
  }

  /** On the given in-memory stores. */
  public static ChannelApp inMemory(Map<String, String> env, InMemoryStores stores) {
    Config config = Config.from(env);
    return start(
        BookingApp.create(
            config,
            Adapters.inMemory(stores, new InMemoryOwnerAccounts(), Clock.systemUTC()),
            List.of(),
            new PasswordHasher(4)),
        new CopyOnWriteArrayList<>());
  }

  /** On the adapters of {@code env} (its DATABASE_URL), sharing {@code handled} with others. */
  public static ChannelApp fromConfig(Map<String, String> env, List<String> handled) {
    return fromConfig(env, handled, FAST_OUTBOX);
  }

  /** As above with other outbox settings. */
  public static ChannelApp fromConfig(
      Map<String, String> env, List<String> handled, OutboxDispatcher.Settings outbox) {
    return start(BookingApp.create(Config.from(env), Clock.systemUTC()), handled, outbox);
  }

  private static ChannelApp start(BookingApp app, List<String> handled) {
    return start(app, handled, FAST_OUTBOX);
  }

  private static ChannelApp start(
      BookingApp app, List<String> handled, OutboxDispatcher.Settings outbox) {
    app.withGuestMessages(
            w -> new EchoHandler(w.adapters().outbox(), w.adapters().clock(), handled))
        .withWhatsAppSettings(FAST_INBOX, outbox)
        .start(0);
    return new ChannelApp(app, handled);
  }

  public BookingApp app() {
    return app;
  }

  /** Message ids the echo handler handled, in order. */
  public List<String> handled() {
    return handled;
  }

  public HttpResponse<String> deliver(String body) throws Exception {
    return post(
        WhatsAppWebhook.PATH, body, "X-Hub-Signature-256", Deliveries.sign(APP_SECRET, body));
  }

  public HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    return send(request(path, headers).GET());
  }

  public HttpResponse<String> admin(String method, String path, String body) throws Exception {
    if (token == null) {
      token = login();
    }
    HttpRequest.Builder r = request(path, "Authorization", "Bearer " + token);
    return send(
        body == null
            ? r.method(method, HttpRequest.BodyPublishers.noBody())
            : r.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private String login() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/v1/admin/login",
            "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
    }
    String body = response.body();
    int start = body.indexOf("\"token\":\"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    app.stop();
  }
}
