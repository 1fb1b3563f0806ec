package ar.booking.core.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/** A planted violation: the core talking JDBC itself. Only used by the rule test. */
public class CoreUsingJdbc {
  public boolean open(Connection connection) throws SQLException {
    return !connection.isClosed();
  }
}
