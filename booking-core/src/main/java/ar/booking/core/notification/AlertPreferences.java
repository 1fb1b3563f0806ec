package ar.booking.core.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where owner alerts go and which kinds are muted.
 *
 * @param whatsapp WhatsApp numbers (digits only, with country code) that get every alert
 * @param emails e-mail addresses that get every alert
 * @param muted kinds that are not sent at all
 */
public record AlertPreferences(List<String> whatsapp, List<String> emails, Set<AlertKind> muted) {

  public static final AlertPreferences NONE = new AlertPreferences(List.of(), List.of(), Set.of());

  public AlertPreferences {
    whatsapp = whatsapp == null ? List.of() : whatsapp.stream().map(String::strip).toList();
    emails = emails == null ? List.of() : emails.stream().map(String::strip).toList();
    muted = muted == null || muted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(muted));
    for (String number : whatsapp) {
      if (!number.matches("[0-9]{8,15}")) {
        throw new IllegalArgumentException(
            "a WhatsApp number is 8 to 15 digits with country code: " + number);
      }
    }
    for (String email : emails) {
      if (!email.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")) {
        throw new IllegalArgumentException("not an e-mail address: " + email);
      }
    }
    if (whatsapp.size() > 10 || emails.size() > 10) {
      throw new IllegalArgumentException("at most 10 numbers and 10 addresses");
    }
  }

  public boolean mutes(AlertKind kind) {
    return muted.contains(kind);
  }
}
