package ar.booking.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two runners on one schedule: each job once per interval; failures counted, others unaffected. */
class JobRunnerTest {

  private final JobSchedule schedule = InMemoryStores.create().jobSchedule();

  /** Counts outcomes like the app's metrics listener does. */
  private static final class Outcomes implements JobRunner.Listener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void succeeded(ScheduledJob job, Duration took) {
      seen.add(job.name() + ":success");
    }

    @Override
    public void failed(ScheduledJob job, Throwable error, Duration took) {
      seen.add(job.name() + ":failure:" + error.getMessage());
    }
  }

  @Test
  void twoInstancesRunAJobAboutOncePerIntervalBetweenThem() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ScheduledJob job =
        ScheduledJob.every(Duration.ofMillis(200), "expire_holds", runs::incrementAndGet);
    Outcomes outcomes = new Outcomes();
    try (JobRunner a = runner(List.of(job), "a", outcomes);
        JobRunner b = runner(List.of(job), "b", outcomes)) {
      a.start();
      b.start();
      Thread.sleep(2_000);
    }
    // 2 s / 200 ms = 10 intervals (+1 at the start); two uncoordinated runners would give ~20.
    assertThat(runs.get()).isBetween(8, 12);
  }

  @Test
  void aFailingJobIsReportedAndRetriedAndDoesNotStopTheOthers() throws Exception {
    AtomicInteger healthy = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    ScheduledJob failing =
        ScheduledJob.every(
            Duration.ofMillis(100),
            "sync_calendars",
            () -> {
              attempts.incrementAndGet();
              throw new IllegalStateException("feed down");
            });
    ScheduledJob fine =
        ScheduledJob.every(Duration.ofMillis(100), "expire_holds", healthy::incrementAndGet);
    Outcomes outcomes = new Outcomes();
    try (JobRunner runner = runner(List.of(failing, fine), "a", outcomes)) {
      runner.start();
      Thread.sleep(700);
      // Three intervals without a success: the failing job makes health degraded, the other not.
      assertThat(runner.overdue(Instant.now())).containsExactly("sync_calendars");
    }
    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(healthy.get()).isGreaterThanOrEqualTo(3);
    assertThat(outcomes.seen).contains("sync_calendars:failure:feed down", "expire_holds:success");
    JobSchedule.JobState state =
        schedule.states().stream()
            .filter(s -> s.job().equals("sync_calendars"))
            .findFirst()
            .orElseThrow();
    assertThat(state.failures()).isEqualTo(state.runs());
    assertThat(state.lastSuccessAt()).isNull();
  }

  @Test
  void aJobWithoutARecentSuccessIsOverdueAfterThreeIntervals() {
    ScheduledJob job = ScheduledJob.every(Duration.ofSeconds(10), "expire_holds", () -> {});
    Instant start = Instant.parse("2026-11-25T15:00:00Z");
    JobRunner runner =
        new JobRunner(
            schedule,
            List.of(job),
            Clock.fixed(start, java.time.ZoneOffset.UTC),
            "a",
            Duration.ofSeconds(1),
            JobRunner.Listener.NONE);
    assertThat(runner.overdue(start.plusSeconds(30))).isEmpty();
    assertThat(runner.overdue(start.plusSeconds(31))).containsExactly("expire_holds");
  }

  private JobRunner runner(List<ScheduledJob> jobs, String owner, JobRunner.Listener listener) {
    return new JobRunner(
        schedule, jobs, Clock.systemUTC(), owner, JobRunner.tickFor(jobs), listener);
  }
}
