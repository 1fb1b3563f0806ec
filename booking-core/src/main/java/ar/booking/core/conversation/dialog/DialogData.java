package ar.booking.core.conversation.dialog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The dialog's keys in {@link ar.booking.core.conversation.Conversation#data()}, read and changed
 * during one turn: what the guest asked so far ({@code req.*}), the choices we offered ({@code
 * choice.<token>} = kind, expiry and payload), the misunderstandings in a row, the last hold placed
 * and the ids of the messages already handled.
 */
final class DialogData {

  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int HANDLED_KEPT = 30;

  static final String CHECK_IN = "req.checkIn";
  static final String CHECK_OUT = "req.checkOut";
  static final String NIGHTS = "req.nights";
  static final String GUESTS = "req.guests";
  static final String UNIT = "req.unit";
  static final String MISSES = "misses";
  static final String ASKED = "asked";
  static final String LAST_HOLD = "lastHold";
  static final String HANDLED = "handled";

  private final Map<String, String> values;

  DialogData(Map<String, String> data) {
    this.values = new HashMap<>(data);
  }

  Map<String, String> toMap() {
    return Map.copyOf(values);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  void put(String key, String value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  Optional<LocalDate> date(String key) {
    return get(key).map(LocalDate::parse);
  }

  OptionalInt number(String key) {
    String v = values.get(key);
    return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
  }

  int misses() {
    return number(MISSES).orElse(0);
  }

  void setMisses(int n) {
    put(MISSES, n == 0 ? null : Integer.toString(n));
  }

  boolean handled(String messageId) {
    return Arrays.asList(values.getOrDefault(HANDLED, "").split(" ")).contains(messageId);
  }

  void markHandled(String messageId) {
    List<String> ids = new ArrayList<>();
    for (String id : values.getOrDefault(HANDLED, "").split(" ")) {
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    ids.add(messageId.replace(' ', '_'));
    while (ids.size() > HANDLED_KEPT) {
      ids.removeFirst();
    }
    values.put(HANDLED, String.join(" ", ids));
  }

  /** A live choice offered to the guest. */
  record Offered(String kind, Instant until, String payload) {}

  /**
   * Issues a server-side choice id {@code kind:<token>} carrying {@code payload} until {@code
   * until}.
   */
  String issue(String kind, String payload, Instant until, RandomGenerator random) {
    char[] token = new char[10];
    for (int i = 0; i < token.length; i++) {
      token[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    String t = new String(token);
    values.put("choice." + t, kind + "|" + until.getEpochSecond() + "|" + payload);
    return kind + ":" + t;
  }

  /** The live choice behind a choice id, if it was issued with that kind and has not expired. */
  Optional<Offered> choice(String choiceId, Instant now) {
    int colon = choiceId == null ? -1 : choiceId.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String stored = values.get("choice." + choiceId.substring(colon + 1));
    if (stored == null) {
      return Optional.empty();
    }
    String[] parts = stored.split("\\|", 3);
    Offered offered =
        new Offered(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]);
    return offered.until().isAfter(now) ? Optional.of(offered) : Optional.empty();
  }

  /** Live choices of one kind. */
  List<Offered> live(String kind, Instant now) {
    List<Offered> found = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("choice.") && v.startsWith(kind + "|")) {
            String[] parts = v.split("\\|", 3);
            Instant until = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (until.isAfter(now)) {
              found.add(new Offered(parts[0], until, parts[2]));
            }
          }
        });
    return found;
  }

  /** Forgets every choice of {@code kind}, and every expired one. */
  void withdraw(String kind, Instant now) {
    values
        .entrySet()
        .removeIf(
            e ->
                e.getKey().startsWith("choice.")
                    && (e.getValue().startsWith(kind + "|") || expired(e.getValue(), now)));
  }

  private static boolean expired(String stored, Instant now) {
    String[] parts = stored.split("\\|", 3);
    return parts.length < 3 || !Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(now);
  }
}
