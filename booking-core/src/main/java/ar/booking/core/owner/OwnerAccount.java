package ar.booking.core.owner;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person who runs the lodging through the admin API. The password is only ever held as a hash
 * produced by the application's password hasher (argon2id or bcrypt), never in clear.
 */
public record OwnerAccount(String email, String passwordHash, Instant createdAt) {
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
  }
}
