package ar.booking.core.owner;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person who runs the lodging through the admin API. The password is only ever held as a hash
 * produced by the application's password hasher (argon2id or bcrypt), never in clear. {@code
 * passwordVersion} starts at 1 and grows by one with every password change, so that credentials
 * issued under an older password (admin tokens) can be told apart and refused.
 */
public record OwnerAccount(
    String email, String passwordHash, Instant createdAt, int passwordVersion) {

  public static final int FIRST_PASSWORD_VERSION = 1;

  public OwnerAccount {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    email = email.strip().toLowerCase(Locale.ROOT);
    if (!email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    if (passwordHash.isBlank()) {
      throw new IllegalArgumentException("password hash is empty");
    }
    if (passwordVersion < FIRST_PASSWORD_VERSION) {
      throw new IllegalArgumentException("password version below 1: " + passwordVersion);
    }
  }

  /** A new account, at the first password version. */
  public OwnerAccount(String email, String passwordHash, Instant createdAt) {
    this(email, passwordHash, createdAt, FIRST_PASSWORD_VERSION);
  }

  /** The same account after a password change: the new hash, the next version. */
  public OwnerAccount withPassword(String newPasswordHash) {
    return new OwnerAccount(email, newPasswordHash, createdAt, passwordVersion + 1);
  }
}
