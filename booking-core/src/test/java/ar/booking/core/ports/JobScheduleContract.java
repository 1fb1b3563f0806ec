package ar.booking.core.ports;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.scheduling.JobSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobSchedule} guarantees: of all callers, one wins a due job; nobody wins it
 * again before its interval and while a run holds it; a dead runner's lease runs out. Runs on the
 * real clock (the PostgreSQL adapter uses the database's), with short intervals.
 */
public abstract class JobScheduleContract {

  protected abstract JobSchedule schedule();

  private JobSchedule schedule;
  private String job;

  @BeforeEach
  void setUp() {
    schedule = schedule();
    job = "job_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private Optional<JobSchedule.Claim> claim(Duration interval, Duration lease, String owner) {
    return schedule.tryClaim(job, interval, lease, owner, Instant.now());
  }

  @Test
  void aDueJobIsWonOnceAndNotAgainBeforeItsInterval() throws Exception {
    Optional<JobSchedule.Claim> first = claim(Duration.ofMillis(400), Duration.ofMinutes(1), "a");
    assertThat(first).isPresent();
    schedule.succeeded(first.get(), Instant.now());
    assertThat(claim(Duration.ofMillis(400), Duration.ofMinutes(1), "b")).isEmpty();

    Thread.sleep(450);
    Optional<JobSchedule.Claim> second = claim(Duration.ofMillis(400), Duration.ofMinutes(1), "b");
    assertThat(second).isPresent();
    assertThat(second.get().run()).isNotEqualTo(first.get().run());
  }

  @Test
  void aRunningJobIsNotStartedAgainUntilItsLeaseRunsOut() throws Exception {
    assertThat(claim(Duration.ofMillis(100), Duration.ofMillis(600), "a")).isPresent();
    Thread.sleep(200); // due again, but still held
    assertThat(claim(Duration.ofMillis(100), Duration.ofMillis(600), "b")).isEmpty();
    Thread.sleep(500); // the holder died: its lease ran out
    assertThat(claim(Duration.ofMillis(100), Duration.ofMillis(600), "b")).isPresent();
  }

  @Test
  void successesAndFailuresAreSharedState() throws Exception {
    JobSchedule.Claim run = claim(Duration.ofMillis(50), Duration.ofMinutes(1), "a").orElseThrow();
    schedule.failed(run, "IllegalStateException: boom", Instant.now());
    Thread.sleep(60);
    JobSchedule.Claim next = claim(Duration.ofMillis(50), Duration.ofMinutes(1), "b").orElseThrow();
    schedule.succeeded(next, Instant.now());

    JobSchedule.JobState state =
        schedule.states().stream().filter(st -> st.job().equals(job)).findFirst().orElseThrow();
    assertThat(state.runs()).isEqualTo(2);
    assertThat(state.failures()).isEqualTo(1);
    assertThat(state.lastError()).isEqualTo("IllegalStateException: boom");
    assertThat(state.lastSuccessAt()).isNotNull();
    assertThat(state.lastFailureAt()).isNotNull();
  }

  @Test
  void aLateReportOfAnOldRunDoesNotReleaseTheNewOne() throws Exception {
    JobSchedule.Claim old = claim(Duration.ofMillis(50), Duration.ofMillis(100), "a").orElseThrow();
    Thread.sleep(150); // lease ran out; someone else takes it
    assertThat(claim(Duration.ofMillis(50), Duration.ofMinutes(1), "b")).isPresent();
    schedule.succeeded(old, Instant.now()); // the old runner wakes up
    Thread.sleep(60);
    assertThat(claim(Duration.ofMillis(50), Duration.ofMinutes(1), "c")).isEmpty();
  }

  @Test
  void ofManyConcurrentCallersExactlyOneWins() throws Exception {
    int callers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<JobSchedule.Claim>>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      String owner = "instance-" + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return claim(Duration.ofMinutes(1), Duration.ofMinutes(1), owner);
              }));
    }
    start.countDown();
    int won = 0;
    for (Future<Optional<JobSchedule.Claim>> result : results) {
      won += result.get().isPresent() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(won).isEqualTo(1);
  }
}
