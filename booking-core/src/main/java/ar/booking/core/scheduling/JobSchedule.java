package ar.booking.core.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who runs which periodic job when, shared by every instance. {@link #tryClaim} is atomic across
 * processes: of all instances asking for a due job, exactly one gets it, and nobody gets it again
 * before its interval has passed and the run has ended (or its lease ran out, when the runner
 * died). Thread-safe.
 */
public interface JobSchedule {

  /**
   * Claims {@code job} if it is due: it was never run, or its last claim is at least {@code
   * interval} old, and no run holds it. The claim holds it for at most {@code lease}.
   *
   * @param now the caller's clock; the PostgreSQL adapter uses the database's clock instead so
   *     instances with skewed clocks still agree
   */
  Optional<Claim> tryClaim(
      String job, Duration interval, Duration lease, String owner, Instant now);

  /** The claimed run ended well. */
  void succeeded(Claim claim, Instant at);

  /** The claimed run failed; it is retried when the job is next due. */
  void failed(Claim claim, String error, Instant at);

  /** Every job's shared history, by name. */
  List<JobState> states();

  /** A won claim. */
  record Claim(String job, String owner, long run) {}

  /**
   * What every instance knows of a job.
   *
   * @param lastSuccessAt {@code null} until a run succeeds
   */
  record JobState(
      String job,
      Instant lastStartedAt,
      Instant lastSuccessAt,
      Instant lastFailureAt,
      String lastError,
      long runs,
      long failures) {}
}
