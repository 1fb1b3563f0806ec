package ar.booking.core.ports;

import ar.booking.core.owner.OwnerAccount;
import java.util.Optional;

/** Owner (admin) accounts, keyed by lower-case e-mail. Thread-safe. */
public interface OwnerAccounts {

  /** Stores a new account; fails with {@link IllegalStateException} if the e-mail is taken. */
  OwnerAccount add(OwnerAccount account);

  /** Replaces the password hash and password version of an existing account, as given. */
  OwnerAccount update(OwnerAccount account);

  /**
   * Changes the password, atomically (compare-and-set): when the account's password version is
   * still {@code expectedVersion}, stores {@code newPasswordHash} and the next version and answers
   * the account as now stored; otherwise (account gone, or changed by someone else meanwhile)
   * changes nothing and answers empty. Of two concurrent changes from the same version, one wins.
   */
  Optional<OwnerAccount> changePassword(String email, int expectedVersion, String newPasswordHash);

  /** The account with that e-mail, compared case-insensitively. */
  Optional<OwnerAccount> findByEmail(String email);

  long count();
}
