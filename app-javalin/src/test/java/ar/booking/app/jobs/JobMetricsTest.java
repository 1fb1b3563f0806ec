package ar.booking.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.metrics.Metrics;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.scheduling.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job metrics under exactly the names operators alert on. */
class JobMetricsTest {

  @Test
  void runsAreCountedByOutcomeAndTheClustersLastSuccessIsAGauge() {
    try (Metrics metrics = new Metrics()) {
      JobMetrics jobMetrics = new JobMetrics(metrics.registry());
      ScheduledJob expiry = ScheduledJob.every(Duration.ofSeconds(60), "expire_holds", () -> {});
      Instant last = Instant.parse("2026-11-30T10:00:00Z");
      jobMetrics.bind(
          List.of(expiry),
          () ->
              Map.of(
                  "expire_holds",
                  new JobSchedule.JobState("expire_holds", last, last, null, null, 3, 0)));

      jobMetrics.succeeded(expiry, Duration.ofMillis(5));
      jobMetrics.succeeded(expiry, Duration.ofMillis(5));
      jobMetrics.failed(expiry, new IllegalStateException("boom"), Duration.ofMillis(5));

      String text = metrics.scrape();
      assertThat(text)
          .contains("job_runs_total{job=\"expire_holds\",outcome=\"success\"} 2.0")
          .contains("job_runs_total{job=\"expire_holds\",outcome=\"failure\"} 1.0")
          .contains("job_last_success_timestamp_seconds{job=\"expire_holds\"} 1.7960328E9");
    }
  }
}
