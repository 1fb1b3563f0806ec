package ar.booking.persistence;

import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.TechnicalFailure;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Translates JDBC/JDBI failures into the core's {@link StorageFailure}. */
final class SqlFailures {

  static final String EXCLUSION_VIOLATION = "23P01";
  static final String UNIQUE_VIOLATION = "23505";

  private static final Set<String> RETRYABLE_STATES =
      Set.of(
          "40001", // serialization failure
          "40P01", // deadlock detected
          "55P03", // lock not available
          "57014", // query cancelled (statement timeout)
          "57P01", // admin shutdown (pg_terminate_backend)
          "57P02", // crash shutdown
          "57P03", // cannot connect now
          "53300"); // too many connections

  private SqlFailures() {}

  /** The SQLState of the first {@link SQLException} in the cause chain, or null. */
  static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /** The name of the constraint a violation names, or "" when the server did not say. */
  static String constraint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.postgresql.util.PSQLException psql
          && psql.getServerErrorMessage() != null
          && psql.getServerErrorMessage().getConstraint() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
    }
    return "";
  }

  static boolean isRetryable(Throwable failure) {
    String state = sqlState(failure);
    if (state != null && (state.startsWith("08") || RETRYABLE_STATES.contains(state))) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** A failure that crosses the port: technical failures pass, anything else is wrapped. */
  static RuntimeException translate(RuntimeException failure) {
    if (failure instanceof TechnicalFailure) {
      return failure;
    }
    if (failure instanceof org.jdbi.v3.core.JdbiException
        || failure.getCause() instanceof SQLException) {
      boolean retryable = isRetryable(failure);
      String state = sqlState(failure);
      return new StorageFailure(
          "PostgreSQL: "
              + (retryable ? "temporary failure" : "failure")
              + (state == null ? "" : " [" + state + "]")
              + ": "
              + rootMessage(failure),
          retryable,
          failure);
    }
    return failure;
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
