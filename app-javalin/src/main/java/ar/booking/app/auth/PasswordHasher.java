package ar.booking.app.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes (cost 12 by default; tests may use less). Thread-safe. */
public final class PasswordHasher {

  public static final int DEFAULT_COST = 12;

  private final int cost;
  // Verified when the e-mail is unknown, so both failures take the same time.
  private final String decoy;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.decoy = hash("decoy password that matches nothing");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  public boolean matches(String password, String hash) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      // Spend the time of a real check on something that cannot match, then say no.
      BCrypt.verifyer().verify(new byte[] {0}, decoy.getBytes(StandardCharsets.UTF_8));
      return false;
    }
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Spends the time of a real check, for an unknown account. */
  public void burn(String password) {
    matches(password, decoy);
  }
}
