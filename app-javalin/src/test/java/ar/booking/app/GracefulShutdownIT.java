package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.app.config.Config;
import ar.booking.app.http.RouteGroup;
import ar.booking.persistence.testing.TestDatabases;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownIT {

  @Test
  void anInFlightRequestCompletesWhenTheAppStopsAndNewConnectionsAreRefusedAfter()
      throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    RouteGroup slow =
        routes ->
            routes.get(
                "/test/slow",
                ctx -> {
                  inFlight.countDown();
                  Thread.sleep(1500);
                  ctx.result("finished");
                });
    BookingApp app =
        BookingApp.create(
                Config.from(TestApps.baseEnv(TestDatabases.freshDatabase())),
                Clock.systemUTC(),
                List.of(slow))
            .start(0);
    int port = app.port();

    CompletableFuture<HttpResponse<String>> response =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return TestApps.get(app, "/test/slow");
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    app.stop();
    long stopMillis = (System.nanoTime() - start) / 1_000_000;

    HttpResponse<String> finished = response.get(10, TimeUnit.SECONDS);
    assertThat(finished.statusCode()).isEqualTo(200);
    assertThat(finished.body()).isEqualTo("finished");
    assertThat(stopMillis).as("stop waited for the request").isGreaterThan(500);

    assertThatThrownBy(
            () ->
                TestApps.send(
                    java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/readyz"))))
        .isInstanceOf(ConnectException.class);
  }
}
