package ar.booking.persistence;

import ar.booking.core.scheduling.JobSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link JobSchedule} on PostgreSQL: one {@code scheduled_job} row per job, claimed by a single
 * conditional upsert, so of all instances asking at once exactly one gets a due job. Times come
 * from the database's clock, so instances with skewed clocks still agree.
 */
final class JdbiJobSchedule implements JobSchedule {

  private final Database db;

  JdbiJobSchedule(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Claim> tryClaim(
      String job, Duration interval, Duration lease, String owner, Instant now) {
    String sql =
        "INSERT INTO scheduled_job AS j (name, next_run_at, leased_until, run, owner,"
            + " last_started_at, runs) VALUES (:name,"
            + " clock_timestamp() + :interval_ms * interval '1 millisecond',"
            + " clock_timestamp() + :lease_ms * interval '1 millisecond', 1, :owner,"
            + " clock_timestamp(), 1)"
            + " ON CONFLICT (name) DO UPDATE SET next_run_at = EXCLUDED.next_run_at,"
            + " leased_until = EXCLUDED.leased_until, run = j.run + 1, owner = EXCLUDED.owner,"
            + " last_started_at = EXCLUDED.last_started_at, runs = j.runs + 1"
            + " WHERE j.next_run_at <= clock_timestamp()"
            + " AND (j.leased_until IS NULL OR j.leased_until <= clock_timestamp())"
            + " RETURNING run";
    return db.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bind("name", job)
                .bind("interval_ms", interval.toMillis())
                .bind("lease_ms", lease.toMillis())
                .bind("owner", owner)
                .mapTo(Long.class)
                .findOne()
                .map(run -> new Claim(job, owner, run)));
  }

  @Override
  public void succeeded(Claim claim, Instant at) {
    end(claim, "last_success_at = clock_timestamp()", null);
  }

  @Override
  public void failed(Claim claim, String error, Instant at) {
    end(
        claim,
        "last_failure_at = clock_timestamp(), last_error = :error, failures = failures + 1",
        error);
  }

  /**
   * Ends the claimed run; a late report about an older run (its lease was taken over) is ignored.
   */
  private void end(Claim claim, String set, String error) {
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE scheduled_job SET "
                        + set
                        + ", leased_until = NULL WHERE name = :name AND run = :run")
                .bind("name", claim.job())
                .bind("run", claim.run())
                .bind("error", error)
                .execute());
  }

  @Override
  public List<JobState> states() {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT name, last_started_at, last_success_at, last_failure_at, last_error,"
                        + " runs, failures FROM scheduled_job ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new JobState(
                            rs.getString("name"),
                            ReservationRows.instant(rs, "last_started_at"),
                            ReservationRows.instant(rs, "last_success_at"),
                            ReservationRows.instant(rs, "last_failure_at"),
                            rs.getString("last_error"),
                            rs.getLong("runs"),
                            rs.getLong("failures")))
                .list());
  }
}
