package ar.booking.core.reservation;

import java.util.Optional;

/**
 * How to reach the guest. Every field is optional, but a guest booking needs at least one way to
 * reach them ({@link #isReachable()}).
 */
public record GuestContact(String name, String whatsappId, String phone, String email) {

  public static final GuestContact NONE = new GuestContact(null, null, null, null);

  public GuestContact {
    name = blankToNull(name);
    whatsappId = blankToNull(whatsappId);
    phone = blankToNull(phone);
    email = blankToNull(email);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
  }

  public static GuestContact whatsapp(String waId, String name) {
    return new GuestContact(name, waId, null, null);
  }

  public boolean isReachable() {
    return whatsappId != null || phone != null || email != null;
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
