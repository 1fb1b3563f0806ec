package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as a real process, as an operator would: {@code java -jar}, no env. */
class MainIT {

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern PASSWORD = Pattern.compile("shown only this once\\): (\\S+)");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private static Path jar;

  @BeforeAll
  static void findJar() {
    String path = System.getProperty("booking.app.jar");
    // Failsafe runs after package and passes the jar's path; without it this test cannot prove
    // anything, so it fails rather than skips.
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new AssertionError(
          "MainIT needs the shaded jar: run it through failsafe (./mvnw verify), not surefire");
    }
    jar = Path.of(path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Process launch(Path workDir, Path log, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toAbsolutePath().toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    for (String name :
        List.of(
            "ENVIRONMENT",
            "DATABASE_URL",
            "REDIS_URL",
            "JWT_SECRET",
            "METRICS_TOKEN",
            "ICS_SALT",
            "ADMIN_PASSWORD",
            "PORT")) {
      environment.remove(name);
    }
    environment.putAll(env);
    return builder.start();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder at(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static void awaitReady(Process process, int port, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the app died: %s", Files.readString(log)).isTrue();
      try {
        if (send(at(port, "/api/v1/readyz")).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not ready in time: " + Files.readString(log));
  }

  private static int stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Test
  void theJarStartsInDevelopmentModeWithNoEnvironmentServesAndStopsGracefully() throws Exception {
    Path work = Files.createTempDirectory("booking-main");
    Path log = work.resolve("app.log");
    int port = freePort();
    Map<String, String> env = Map.of("PORT", Integer.toString(port), "DATA_DIR", "data");

    Process first = launch(work, log, env);
    String token;
    try {
      awaitReady(first, port, log);
      Matcher password = PASSWORD.matcher(Files.readString(log));
      assertThat(password.find()).as("generated admin password printed once").isTrue();
      var login =
          send(
              at(port, "/api/v1/admin/login")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\":\"admin@booking.local\",\"password\":\""
                              + password.group(1)
                              + "\"}")));
      assertThat(login.statusCode()).isEqualTo(200);
      Matcher t = TOKEN.matcher(login.body());
      assertThat(t.find()).isTrue();
      token = t.group(1);
      var me = send(at(port, "/api/v1/admin/me").header("Authorization", "Bearer " + token));
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(send(at(port, "/api/v1/healthz")).body()).contains("\"status\":\"healthy\"");
    } finally {
      int exit = stop(first);
      assertThat(exit).as("exit after SIGTERM").isEqualTo(143);
    }
    String firstRun = Files.readString(log);
    assertThat(firstRun).contains("Graceful shutdown complete").contains("Seeded 3 demo units");

    // A restart keeps the data, the admin and the JWT secret: the old token still works.
    Files.writeString(log, "");
    Process second = launch(work, log, env);
    try {
      awaitReady(second, port, log);
      var me = send(at(port, "/api/v1/admin/me").header("Authorization", "Bearer " + token));
      assertThat(me.statusCode()).isEqualTo(200);
    } finally {
      stop(second);
    }
    String secondRun = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(secondRun)
        .doesNotContain("shown only this once")
        .doesNotContain("Seeded")
        .contains("Graceful shutdown complete");
  }

  @Test
  void aDatabaseThatIsDownAtStartIsOneClearLineAndANonZeroExit() throws Exception {
    Path work = Files.createTempDirectory("booking-main");
    Path log = work.resolve("app.log");
    int closed = freePort();
    Process process =
        launch(
            work,
            log,
            Map.of(
                "PORT",
                Integer.toString(freePort()),
                "ENVIRONMENT",
                "test",
                "JWT_SECRET",
                TestApps.JWT_SECRET,
                "ICS_SALT",
                TestApps.ICS_SALT,
                "DATABASE_URL",
                "postgresql://booking:pw@127.0.0.1:" + closed + "/booking"));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    List<String> errors =
        Files.readAllLines(log).stream().filter(l -> l.contains("Cannot start")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).contains("PostgreSQL").contains("127.0.0.1:" + closed);
  }

  @Test
  void anInvalidConfigurationListsEveryProblemAndExitsNonZero() throws Exception {
    Path work = Files.createTempDirectory("booking-main");
    Path log = work.resolve("app.log");
    Process process =
        launch(
            work,
            log,
            Map.of("ENVIRONMENT", "production", "PORT", "eighty", "JWT_SECRET", "changeme"));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("PORT")
        .contains("JWT_SECRET is too weak")
        .contains("DATABASE_URL is required")
        .contains("BASE_URL must be an https");
  }

  @Test
  void aDatabaseUrlWithoutEnvironmentRefusesToStartAndSaysEnvironmentMustBeSet() throws Exception {
    Path work = Files.createTempDirectory("booking-main");
    Path log = work.resolve("app.log");
    Process process =
        launch(
            work,
            log,
            Map.of(
                "PORT",
                Integer.toString(freePort()),
                "DATA_DIR",
                "data",
                "DATABASE_URL",
                "postgresql://booking:pw@127.0.0.1:5432/booking"));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains("ENVIRONMENT must be set (development|test|production)")
        .doesNotContain("shown only this once");
    assertThat(work.resolve("data")).as("nothing written to DATA_DIR").doesNotExist();
  }
}
