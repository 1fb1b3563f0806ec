package ar.booking.core.memory;

import ar.booking.core.scheduling.JobSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link JobSchedule} for one process (embedding, tests), on the caller's clock. */
final class InMemoryJobSchedule implements JobSchedule {

  private final Map<String, Row> rows = new LinkedHashMap<>();

  private static final class Row {
    Instant nextRunAt;
    Instant leasedUntil;
    long run;
    Instant lastStartedAt;
    Instant lastSuccessAt;
    Instant lastFailureAt;
    String lastError;
    long runs;
    long failures;
  }

  @Override
  public synchronized Optional<Claim> tryClaim(
      String job, Duration interval, Duration lease, String owner, Instant now) {
    Row row = rows.computeIfAbsent(job, k -> new Row());
    boolean due = row.nextRunAt == null || !row.nextRunAt.isAfter(now);
    boolean free = row.leasedUntil == null || !row.leasedUntil.isAfter(now);
    if (!due || !free) {
      return Optional.empty();
    }
    row.nextRunAt = now.plus(interval);
    row.leasedUntil = now.plus(lease);
    row.lastStartedAt = now;
    row.run++;
    row.runs++;
    return Optional.of(new Claim(job, owner, row.run));
  }

  @Override
  public synchronized void succeeded(Claim claim, Instant at) {
    Row row = rows.get(claim.job());
    if (row != null && row.run == claim.run()) {
      row.leasedUntil = null;
      row.lastSuccessAt = at;
    }
  }

  @Override
  public synchronized void failed(Claim claim, String error, Instant at) {
    Row row = rows.get(claim.job());
    if (row != null && row.run == claim.run()) {
      row.leasedUntil = null;
      row.lastFailureAt = at;
      row.lastError = error;
      row.failures++;
    }
  }

  @Override
  public synchronized List<JobState> states() {
    return rows.entrySet().stream()
        .map(
            e -> {
              Row r = e.getValue();
              return new JobState(
                  e.getKey(),
                  r.lastStartedAt,
                  r.lastSuccessAt,
                  r.lastFailureAt,
                  r.lastError,
                  r.runs,
                  r.failures);
            })
        .toList();
  }
}
