package ar.booking.persistence;

import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.util.Locale;
import java.util.Optional;

/** {@link OwnerAccounts} in the {@code admin_user} table. */
final class JdbiOwnerAccounts implements OwnerAccounts {

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
                      "INSERT INTO admin_user (email, password_hash, created_at)"
                          + " VALUES (:email, :hash, :created)")
                  .bind("email", account.email())
                  .bind("hash", account.passwordHash())
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
                        "UPDATE admin_user SET password_hash = :hash WHERE email = :email")
                    .bind("email", account.email())
                    .bind("hash", account.passwordHash())
                    .execute());
    if (rows == 0) {
      throw new IllegalStateException("no account for " + account.email());
    }
    return account;
  }

  @Override
  public Optional<OwnerAccount> findByEmail(String email) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT email, password_hash, created_at FROM admin_user WHERE email = :email")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map(
                    (rs, ctx) ->
                        new OwnerAccount(
                            rs.getString(1),
                            rs.getString(2),
                            ReservationRows.instant(rs, "created_at")))
                .findOne());
  }

  @Override
  public long count() {
    return db.withHandle(
        handle -> handle.createQuery("SELECT count(*) FROM admin_user").mapTo(Long.class).one());
  }
}
