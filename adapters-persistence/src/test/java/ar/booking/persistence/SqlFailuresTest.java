package ar.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.ports.StorageFailure;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

  private static StorageFailure translated(SQLException cause) {
    return (StorageFailure)
        SqlFailures.translate(new UnableToExecuteStatementException(cause, null));
  }

  @Test
  void lostConnectionsDeadlocksAndShutdownsAreRetryable() {
    for (String state : new String[] {"08006", "57P01", "40P01", "40001", "53300"}) {
      StorageFailure failure = translated(new SQLException("boom", state));
      assertThat(failure.retryable()).as(state).isTrue();
      assertThat(failure.getMessage()).contains("[" + state + "]");
    }
  }

  @Test
  void aPoolTimeoutIsRetryable() {
    StorageFailure failure =
        (StorageFailure)
            SqlFailures.translate(
                new ConnectionException(
                    new SQLTransientConnectionException("Connection is not available")));
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("Connection is not available");
  }

  @Test
  void constraintAndSyntaxErrorsAreNotRetryable() {
    assertThat(translated(new SQLException("dup", "23505")).retryable()).isFalse();
    assertThat(translated(new SQLException("syntax", "42601")).retryable()).isFalse();
  }

  @Test
  void otherExceptionsPassThroughUnchanged() {
    IllegalStateException business = new IllegalStateException("unit 3 does not exist");
    assertThat(SqlFailures.translate(business)).isSameAs(business);
  }
}
