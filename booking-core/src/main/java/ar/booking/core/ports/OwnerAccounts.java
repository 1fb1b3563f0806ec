package ar.booking.core.ports;

import ar.booking.core.owner.OwnerAccount;
import java.util.Optional;

/** Owner (admin) accounts, keyed by lower-case e-mail. Thread-safe. */
public interface OwnerAccounts {

  /** Stores a new account; fails with {@link IllegalStateException} if the e-mail is taken. */
  OwnerAccount add(OwnerAccount account);

  /** Replaces the password hash of an existing account. */
  OwnerAccount update(OwnerAccount account);

  /** The account with that e-mail, compared case-insensitively. */
  Optional<OwnerAccount> findByEmail(String email);

  long count();
}
