package ar.booking.core.calendarsync;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.shared.AccommodationId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unguessable token in a unit's export URL: HMAC-SHA256 keyed with {@code ICS_SALT} over the
 * unit id and its token version, base64url without padding. Bumping the unit's version (rotate)
 * invalidates every URL handed out before. Checked in constant time. Thread-safe.
 */
public final class ExportTokens {

  /** The shortest salt accepted, in bytes. */
  public static final int MIN_SALT_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public ExportTokens(byte[] salt) {
    Objects.requireNonNull(salt, "salt");
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException(
          "ICS_SALT must be at least " + MIN_SALT_BYTES + " bytes long");
    }
    this.key = new SecretKeySpec(salt.clone(), ALGORITHM);
  }

  /** Tokens keyed with the UTF-8 bytes of {@code salt} (the {@code ICS_SALT} setting). */
  public static ExportTokens fromSecret(String salt) {
    Objects.requireNonNull(salt, "salt");
    return new ExportTokens(salt.getBytes(StandardCharsets.UTF_8));
  }

  public String tokenFor(Accommodation unit) {
    return tokenFor(unit.id(), unit.exportTokenVersion());
  }

  public String tokenFor(AccommodationId unit, int version) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(unit, version));
  }

  /** True when {@code presented} is the unit's current token; constant time in its content. */
  public boolean matches(Accommodation unit, String presented) {
    return matches(Objects.requireNonNull(unit, "unit"), unit.id(), presented);
  }

  /**
   * The check of an export request: false when the unit is unknown ({@code null}), computed all the
   * same so an unknown id and a wrong token take as long.
   */
  boolean matches(Accommodation unit, AccommodationId requested, String presented) {
    byte[] expected =
        tokenFor(requested, unit == null ? 1 : unit.exportTokenVersion())
            .getBytes(StandardCharsets.US_ASCII);
    byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) && unit != null && presented != null;
  }

  private byte[] mac(AccommodationId unit, int version) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal((unit.value() + ":" + version).getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
