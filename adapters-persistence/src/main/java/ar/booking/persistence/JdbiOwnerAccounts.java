package ar.booking.persistence;

import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link OwnerAccounts} in the {@code admin_user} table. */
final class JdbiOwnerAccounts implements OwnerAccounts {

  private static final String COLUMNS = "email, password_hash, created_at, password_version";

  private final Database db;

  JdbiOwnerAccounts(Database db) {
    this.db = db;
  }

  @Override
  public OwnerAccount add(OwnerAccount account) {
    try {
      db.atomically(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO admin_user (email, password_hash, created_at, password_version)"
                          + " VALUES (:email, :hash, :created, :version)")
                  .bind("email", account.email())
                  .bind("hash", account.passwordHash())
                  .bind("version", account.passwordVersion())
                  .bind("created", ReservationRows.utc(account.createdAt()))
                  .execute());
      return account;
    } catch (Database.Refused refused) {
      if (refused.isDuplicate("admin_user_pkey")) {
        throw new IllegalStateException("an account exists for " + account.email());
      }
      throw new IllegalArgumentException("PostgreSQL refused the account", refused.getCause());
    }
  }

  @Override
  public OwnerAccount update(OwnerAccount account) {
    int rows =
        db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE admin_user SET password_hash = :hash, password_version = :version"
                            + " WHERE email = :email")
                    .bind("email", account.email())
                    .bind("hash", account.passwordHash())
                    .bind("version", account.passwordVersion())
                    .execute());
    if (rows == 0) {
      throw new IllegalStateException("no account for " + account.email());
    }
    return account;
  }

  @Override
  public Optional<OwnerAccount> changePassword(
      String email, int expectedVersion, String newPasswordHash) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "UPDATE admin_user SET password_hash = :hash,"
                        + " password_version = password_version + 1"
                        + " WHERE email = :email AND password_version = :expected"
                        + " RETURNING "
                        + COLUMNS)
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .bind("expected", expectedVersion)
                .bind("hash", newPasswordHash)
                .map(JdbiOwnerAccounts::account)
                .findOne());
  }

  @Override
  public Optional<OwnerAccount> findByEmail(String email) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM admin_user WHERE email = :email")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map(JdbiOwnerAccounts::account)
                .findOne());
  }

  private static OwnerAccount account(ResultSet rs, StatementContext ctx) throws SQLException {
    return new OwnerAccount(
        rs.getString("email"),
        rs.getString("password_hash"),
        ReservationRows.instant(rs, "created_at"),
        rs.getInt("password_version"));
  }

  @Override
  public long count() {
    return db.withHandle(
        handle -> handle.createQuery("SELECT count(*) FROM admin_user").mapTo(Long.class).one());
  }
}
