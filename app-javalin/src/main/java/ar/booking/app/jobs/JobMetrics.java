package ar.booking.app.jobs;

import ar.booking.core.scheduling.JobRunner;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.scheduling.ScheduledJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job runner's outcomes in the log and in Prometheus: {@code job_runs_total{job,outcome}} and
 * {@code job_last_success_timestamp_seconds{job}} (the cluster's last success, from the shared
 * schedule, so every instance reports the same). A failure is logged with its stack.
 */
public final class JobMetrics implements JobRunner.Listener {

  private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

  private final MeterRegistry registry;
  private final AtomicLong scheduleFailures = new AtomicLong();

  public JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the per-job gauges, read from {@code states} (the runner's shared view). */
  public void bind(List<ScheduledJob> jobs, Supplier<Map<String, JobSchedule.JobState>> states) {
    for (ScheduledJob job : jobs) {
      counter(job.name(), "success");
      counter(job.name(), "failure");
      Gauge.builder(
              "job.last.success.timestamp.seconds",
              states,
              s -> {
                JobSchedule.JobState state = s.get().get(job.name());
                return state == null || state.lastSuccessAt() == null
                    ? Double.NaN
                    : state.lastSuccessAt().toEpochMilli() / 1000.0;
              })
          .description("When the job last succeeded on any instance (Unix seconds)")
          .tag("job", job.name())
          .strongReference(true) // the supplier is a lambda nobody else holds
          .register(registry);
    }
  }

  private Counter counter(String job, String outcome) {
    return Counter.builder("job.runs")
        .description("Runs of each periodic job by outcome")
        .tag("job", job)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void succeeded(ScheduledJob job, Duration took) {
    counter(job.name(), "success").increment();
    if (took.compareTo(job.interval()) > 0) {
      log.warn("Job {} took {} ms, longer than its interval", job.name(), took.toMillis());
    }
  }

  @Override
  public void failed(ScheduledJob job, Throwable error, Duration took) {
    counter(job.name(), "failure").increment();
    log.error(
        "Job {} failed after {} ms; it runs again when next due",
        job.name(),
        took.toMillis(),
        error);
  }

  @Override
  public void scheduleUnavailable(RuntimeException error) {
    // Once per outage stretch is enough: the database health check says the rest.
    if (scheduleFailures.incrementAndGet() % 60 == 1) {
      log.warn("Job schedule unavailable, no job runs until it is back: {}", error.getMessage());
    }
  }
}
