package ar.booking.benchmarks;

import ar.booking.app.BookingApp;
import ar.booking.app.config.Config;
import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.messaging.whatsapp.WebhookSignature;
import ar.booking.persistence.PostgresSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WhatsApp channel end to end on the real app and the local PostgreSQL: signed webhook
 * deliveries at a fixed rate (default 200/s), each one guest text, answered by a minimal handler
 * that queues one reply; a JDK HTTP server on loopback stands in for the Graph API. Reports the
 * webhook's acknowledgement latency (client-observed) and the time from sending the guest's text to
 * the stand-in receiving its reply, p50/p95/p99. A main, not a test.
 */
public final class WhatsAppBenchmark {

  private static final String SECRET = "bench-app-secret";
  private static final Pattern ECHO = Pattern.compile("eco: (bench\\.[0-9]+)");

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    PostgresSettings server =
        PostgresSettings.fromUrl(
            options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
            10);
    int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int guests = Integer.parseInt(options.getOrDefault("guests", "200"));

    Map<String, Long> replyAt = new ConcurrentHashMap<>();
    HttpServer graph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    graph.setExecutor(Executors.newFixedThreadPool(16));
    AtomicInteger ids = new AtomicInteger();
    graph.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher m = ECHO.matcher(body);
          if (m.find()) {
            replyAt.putIfAbsent(m.group(1), System.nanoTime());
          }
          byte[] out =
              ("{\"messages\":[{\"id\":\"wamid.bench." + ids.incrementAndGet() + "\"}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    graph.start();

    String name = "booking_bench_whatsapp_" + System.nanoTime();
    ScratchDatabases.admin(server, "CREATE DATABASE " + name);
    BookingApp app = null;
    try {
      PostgresSettings db = server.withDatabase(name);
      Map<String, String> env = new HashMap<>();
      env.put("ENVIRONMENT", "test");
      env.put(
          "DATABASE_URL",
          db.jdbcUrl()
              + (db.jdbcUrl().contains("?") ? "&" : "?")
              + "user="
              + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
              + (db.password() == null
                  ? ""
                  : "&password=" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8)));
      env.put("DB_POOL_SIZE", "10");
      env.put("ADMIN_EMAIL", "owner@bench.test");
      env.put("ADMIN_PASSWORD", "bench horse battery staple");
      env.put("JWT_SECRET", "0123456789abcdef0123456789abcdef-bench");
      env.put("ICS_SALT", "fedcba9876543210fedcba9876543210-bench");
      env.put("DATA_DIR", Files.createTempDirectory("bench-data").toString());
      env.put("RATE_LIMIT_ENABLED", "false");
      env.put("LOG_LEVEL", "WARN");
      env.put("PORT", "0");
      env.put("WHATSAPP_APP_SECRET", SECRET);
      env.put("WHATSAPP_VERIFY_TOKEN", "bench-verify-token");
      env.put("WHATSAPP_ACCESS_TOKEN", "bench-token");
      env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
      env.put(
          "WHATSAPP_API_BASE_URL", "http://127.0.0.1:" + graph.getAddress().getPort() + "/v21.0");
      app =
          BookingApp.create(Config.from(env), Clock.systemUTC())
              .withGuestMessages(
                  w -> {
                    var outbox = w.adapters().outbox();
                    var clock = w.adapters().clock();
                    return (GuestMessageHandler)
                        m -> {
                          outbox.enqueue(
                              OutboundMessage.whatsapp(
                                  "reply:" + m.message().messageId() + ":1",
                                  m.message().from(),
                                  new MessageContent.Text("eco: " + m.message().messageId()),
                                  "reply",
                                  clock.instant()));
                          return new GuestMessageHandler.Handled(null);
                        };
                  })
              .start(0);
      String url = "http://127.0.0.1:" + app.port() + "/api/v1/whatsapp/webhook";
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(32))
              .build();
      WebhookSignature signature = new WebhookSignature(SECRET);

      // Warm-up: 5 s at the same rate, not measured.
      run(client, url, signature, rate, 5, guests, "warm", new HashMap<>(), null);
      Thread.sleep(2000); // let the warm-up's replies drain before measuring
      replyAt.clear();

      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      List<Long> acks = Collections.synchronizedList(new ArrayList<>());
      int errors = run(client, url, signature, rate, seconds, guests, "bench", sentAt, acks);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (replyAt.size() < sentAt.size() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<Long> replies = new ArrayList<>();
      sentAt.forEach(
          (id, at) -> {
            Long got = replyAt.get(id);
            if (got != null) {
              replies.add(got - at);
            }
          });
      System.out.printf(
          Locale.ROOT,
          "# %d cores, JVM %s; %d deliveries/s for %d s over %d guests (one text each)%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.version(),
          rate,
          seconds,
          guests);
      System.out.printf(
          Locale.ROOT,
          "webhook ack: n=%d errors=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
          acks.size(),
          errors,
          ms(acks, 50),
          ms(acks, 95),
          ms(acks, 99),
          ms(acks, 100));
      System.out.printf(
          Locale.ROOT,
          "text -> reply at the stand-in: n=%d of %d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n",
          replies.size(),
          sentAt.size(),
          ms(replies, 50),
          ms(replies, 95),
          ms(replies, 99));
    } finally {
      if (app != null) {
        app.stop();
      }
      graph.stop(0);
      ScratchDatabases.admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    System.exit(0);
  }

  /** Sends {@code rate} deliveries a second for {@code seconds}; returns the failed count. */
  private static int run(
      HttpClient client,
      String url,
      WebhookSignature signature,
      int rate,
      int seconds,
      int guests,
      String prefix,
      Map<String, Long> sentAt,
      List<Long> acks)
      throws Exception {
    int total = rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String id = (prefix.equals("bench") ? "bench." : "warm.") + i;
      String from = "54911" + (6000000 + i % guests);
      String body =
          "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
              + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
              + "\"display_phone_number\":\"5492944123456\",\"phone_number_id\":\"106540352242922\"},"
              + "\"contacts\":[{\"profile\":{\"name\":\"Huésped "
              + i
              + "\"},\"wa_id\":\""
              + from
              + "\"}],\"messages\":[{\"from\":\""
              + from
              + "\",\"id\":\""
              + id
              + "\",\"timestamp\":\""
              + (System.currentTimeMillis() / 1000)
              + "\",\"type\":\"text\",\"text\":{\"body\":\"hola, tienen lugar del 5 al 8?\"}}]},"
              + "\"field\":\"messages\"}]}]}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/json")
              .header("X-Hub-Signature-256", signature.sign(bytes))
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      long sent = System.nanoTime();
      sentAt.put(id, sent);
      pending.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                      errors.incrementAndGet();
                    } else if (acks != null) {
                      acks.add(System.nanoTime() - sent);
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(120, TimeUnit.SECONDS);
    return errors.get();
  }

  private static double ms(List<Long> nanos, int percentile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1_000_000.0;
  }
}
