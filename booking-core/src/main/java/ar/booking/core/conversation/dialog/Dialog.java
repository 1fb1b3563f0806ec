package ar.booking.core.conversation.dialog;

import ar.booking.core.conversation.BookingRequest;
import ar.booking.core.conversation.Intent;
import ar.booking.core.conversation.ProblemCode;
import ar.booking.core.conversation.SpanishRequestParser;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides one turn of the booking dialog: reads what the guest wrote (or picked), merges it with
 * what they said before, and answers — asking only for what is missing, offering what is free,
 * holding what they pick, listing and cancelling their bookings, or handing them to a person.
 */
final class Dialog {

  private static final int MISSES_BEFORE_HANDOFF = 2;

  /** "2", "la 2", "opción 2", "la segunda": an option of the list just shown, by its place. */
  private static final Pattern BY_POSITION =
      Pattern.compile(
          "^(?:la |el |opcion |opción |la opcion |la opción |nro |n° )?(\\d{1,2}|primera|primero"
              + "|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto)[.!]?$");

  private static final List<String> ORDINALS =
      List.of("primer", "segund", "tercer", "cuart", "quint");
  private static final int EVENT_TEXT_MAX = 300;

  private final SpanishRequestParser parser;
  private final StaySearch search;
  private final Holds holds;
  private final GuestBookings bookings;
  private final DialogSettings settings;

  Dialog(
      SpanishRequestParser parser,
      StaySearch search,
      Holds holds,
      GuestBookings bookings,
      DialogSettings settings) {
    this.parser = parser;
    this.search = search;
    this.holds = holds;
    this.bookings = bookings;
    this.settings = settings;
  }

  void respond(Turn turn, Input input) {
    switch (input) {
      case Input.NotText n -> turn.reply(new Reply.NotText());
      case Input.Picked p -> {
        turn.data.put(DialogData.ASKED, null);
        picked(turn, p);
      }
      case Input.Written w -> written(turn, w.text());
    }
  }

  private void picked(Turn turn, Input.Picked p) {
    String id = p.choiceId() == null ? "" : p.choiceId();
    switch (id) {
      case ReplyRenderer.MENU_AVAILABILITY -> {
        turn.data.setMisses(0);
        lookOrAsk(turn);
        return;
      }
      case ReplyRenderer.MENU_BOOKINGS -> {
        turn.data.setMisses(0);
        bookings.list(turn);
        return;
      }
      case ReplyRenderer.MENU_HUMAN -> {
        handoff(turn, "asked", p.title());
        return;
      }
      default -> {}
    }
    turn.data.setMisses(0);
    Optional<DialogData.Offered> offered = turn.data.choice(id, turn.now);
    String kind = id.contains(":") ? id.substring(0, id.indexOf(':')) : "";
    if (offered.isPresent() && offered.get().kind().equals(kind)) {
      String payload = offered.get().payload();
      switch (kind) {
        case "offer" -> holds.pick(turn, StaySearch.Picked.parse(payload));
        case "link" -> holds.link(turn, payload);
        case "cancel" -> bookings.picked(turn, payload);
        case "confirm" -> bookings.confirmed(turn, payload);
        case "keep" -> bookings.kept(turn, payload);
        default -> turn.reply(new Reply.Welcome());
      }
      return;
    }
    switch (kind) {
      case "offer" -> {
        turn.reply(new Reply.OfferExpired());
        lookOrAsk(turn);
      }
      case "cancel", "confirm", "keep" -> {
        turn.reply(new Reply.OfferExpired());
        bookings.list(turn);
      }
      case "link" -> {
        Optional<String> last = turn.data.get(DialogData.LAST_HOLD);
        if (last.isPresent()) {
          holds.link(turn, last.get().substring(last.get().lastIndexOf('|') + 1));
        } else {
          turn.reply(new Reply.OfferExpired());
        }
      }
      default -> {
        if (p.title() != null && !p.title().isBlank()) {
          written(turn, p.title());
        } else {
          turn.reply(new Reply.Welcome());
        }
      }
    }
  }

  private void written(Turn turn, String text) {
    Optional<String> asked = turn.data.get(DialogData.ASKED);
    turn.data.put(DialogData.ASKED, null);
    Optional<StaySearch.Picked> byPosition =
        asked.isPresent() ? Optional.empty() : byPosition(turn, text);
    if (byPosition.isPresent()) {
      turn.data.setMisses(0);
      holds.pick(turn, byPosition.get());
      return;
    }
    BookingRequest r = parser.parse(text == null ? "" : text, turn.today);
    if (asked.isPresent() && shortAnswer(turn, r, asked.get(), text)) {
      turn.data.setMisses(0);
      lookOrAsk(turn);
      return;
    }
    switch (r.intent()) {
      case HUMAN -> {
        handoff(turn, "asked", text);
        return;
      }
      case CANCEL -> {
        turn.data.setMisses(0);
        bookings.cancelAsked(turn);
        return;
      }
      case MY_BOOKINGS -> {
        turn.data.setMisses(0);
        bookings.list(turn);
        return;
      }
      default -> {}
    }
    boolean info =
        r.checkIn().isPresent()
            || r.nights().isPresent()
            || r.guests().isPresent()
            || r.unitHint().isPresent();
    if (!r.problems().isEmpty()) {
      turn.data.setMisses(0);
      merge(turn.data, r);
      turn.state = "ASKING";
      turn.reply(new Reply.Problem(r.problems().getFirst().code()));
      return;
    }
    if (r.intent() == Intent.BOOK && !info) {
      List<DialogData.Offered> live = turn.data.live("offer", turn.now);
      if (live.size() == 1) {
        turn.data.setMisses(0);
        holds.pick(turn, StaySearch.Picked.parse(live.getFirst().payload()));
        return;
      }
    }
    if (info
        || r.intent() == Intent.AVAILABILITY
        || r.intent() == Intent.PRICE
        || r.intent() == Intent.BOOK) {
      turn.data.setMisses(0);
      merge(turn.data, r);
      lookOrAsk(turn);
      return;
    }
    if (r.intent() == Intent.THANKS) {
      turn.data.setMisses(0);
      turn.reply(new Reply.Thanks());
      return;
    }
    if (r.intent() == Intent.GREETING) {
      turn.data.setMisses(0);
      turn.state = "CHATTING";
      turn.reply(new Reply.Welcome());
      return;
    }
    int misses = turn.data.misses() + 1;
    if (misses >= MISSES_BEFORE_HANDOFF) {
      handoff(turn, "misunderstood", text);
      return;
    }
    turn.data.setMisses(misses);
    boolean first = turn.conversation.version() == 0 || "NEW".equals(turn.conversation.state());
    turn.reply(first ? new Reply.Welcome() : new Reply.NotUnderstood());
    if (first) {
      turn.state = "CHATTING";
    }
  }

  /**
   * A bare answer to what we just asked ("2" after "¿Cuántas personas son?", "tres" after "¿Hasta
   * qué día?"): read as if the guest had written the missing word.
   */
  private boolean shortAnswer(Turn turn, BookingRequest r, String asked, String text) {
    boolean saysNothing =
        r.checkIn().isEmpty()
            && r.nights().isEmpty()
            && r.guests().isEmpty()
            && r.unitHint().isEmpty()
            && r.problems().isEmpty();
    if (!saysNothing || text == null || text.strip().split("\\s+").length > 3) {
      return false;
    }
    BookingRequest reread =
        switch (Reply.Missing.valueOf(asked)) {
          case GUESTS -> parser.parse("somos " + text, turn.today);
          case NIGHTS -> parser.parse(text + " noches", turn.today);
          default -> r;
        };
    if (reread.guests().isEmpty() && reread.nights().isEmpty()) {
      return false;
    }
    merge(turn.data, reread);
    return true;
  }

  /** The live offer the guest named by its place in the list ("2", "la segunda"), if any. */
  private static Optional<StaySearch.Picked> byPosition(Turn turn, String text) {
    if (text == null || text.length() > 20) {
      return Optional.empty();
    }
    Matcher m = BY_POSITION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String said = m.group(1);
    int position = -1;
    if (Character.isDigit(said.charAt(0))) {
      position = Integer.parseInt(said);
    } else {
      for (int i = 0; i < ORDINALS.size(); i++) {
        if (said.startsWith(ORDINALS.get(i))) {
          position = i + 1;
        }
      }
    }
    int wanted = position;
    return turn.data.live("offer", turn.now).stream()
        .map(o -> StaySearch.Picked.parse(o.payload()))
        .filter(p -> p.position() == wanted)
        .findFirst();
  }

  /** Looks for a place when dates and guests are known, else asks for exactly what is missing. */
  private void lookOrAsk(Turn turn) {
    DialogData data = turn.data;
    Optional<LocalDate> in = data.date(DialogData.CHECK_IN);
    Optional<LocalDate> out = data.date(DialogData.CHECK_OUT);
    OptionalInt nights = data.number(DialogData.NIGHTS);
    OptionalInt guests = data.number(DialogData.GUESTS);
    if (in.isPresent() && out.isEmpty() && nights.isPresent()) {
      out = Optional.of(in.get().plusDays(nights.getAsInt()));
    }
    turn.state = "ASKING";
    if (in.isPresent() && in.get().isBefore(turn.today)) {
      data.put(DialogData.CHECK_IN, null);
      data.put(DialogData.CHECK_OUT, null);
      turn.reply(new Reply.Problem(ProblemCode.DATE_IN_PAST));
      return;
    }
    if (in.isPresent()
        && out.isPresent()
        && in.get().plusDays(settings.stayRules().maxNights()).isBefore(out.get())) {
      data.put(DialogData.CHECK_OUT, null);
      data.put(DialogData.NIGHTS, null);
      turn.reply(new Reply.Problem(ProblemCode.STAY_TOO_LONG));
      return;
    }
    Reply.Missing missing;
    if (in.isEmpty() && guests.isEmpty()) {
      missing = Reply.Missing.DATES_AND_GUESTS;
    } else if (in.isEmpty()) {
      missing = nights.isPresent() ? Reply.Missing.CHECK_IN : Reply.Missing.DATES;
    } else if (out.isEmpty()) {
      missing = Reply.Missing.NIGHTS;
    } else if (guests.isEmpty()) {
      missing = Reply.Missing.GUESTS;
    } else {
      search.search(
          turn,
          new Reply.Understood(in.get(), out.get(), guests.getAsInt()),
          data.get(DialogData.UNIT),
          null);
      return;
    }
    data.put(DialogData.ASKED, missing.name());
    turn.reply(new Reply.Ask(missing));
  }

  /** Keeps what this message says over what earlier ones said; the rest stays. */
  private static void merge(DialogData data, BookingRequest r) {
    if (r.checkIn().isPresent()) {
      data.put(DialogData.CHECK_IN, r.checkIn().get().toString());
      data.put(DialogData.CHECK_OUT, r.checkOut().map(LocalDate::toString).orElse(null));
      if (r.checkOut().isPresent()) {
        data.put(DialogData.NIGHTS, null);
      }
    } else if (r.nights().isPresent()) {
      data.put(DialogData.NIGHTS, Integer.toString(r.nights().getAsInt()));
      data.put(DialogData.CHECK_OUT, null);
    }
    if (r.guests().isPresent() && r.guests().getAsInt() > 0) {
      data.put(DialogData.GUESTS, Integer.toString(r.guests().getAsInt()));
    }
    r.unitHint().ifPresent(h -> data.put(DialogData.UNIT, h));
  }

  /** Remembers a picked stay as the guest's request, for alternatives and later messages. */
  static void remember(DialogData data, Reply.Understood stay) {
    data.put(DialogData.CHECK_IN, stay.checkIn().toString());
    data.put(DialogData.CHECK_OUT, stay.checkOut().toString());
    data.put(DialogData.NIGHTS, null);
    data.put(DialogData.GUESTS, Integer.toString(stay.guests()));
  }

  private void handoff(Turn turn, String reason, String text) {
    turn.data.setMisses(0);
    turn.handoffUntil = turn.now.plus(settings.handoff());
    turn.state = "HANDOFF";
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("guest", turn.guest());
    if (turn.conversation.guestName() != null) {
      facts.put("name", turn.conversation.guestName());
    }
    facts.put("reason", reason);
    facts.put("until", turn.handoffUntil.toString());
    if (text != null && !text.isBlank()) {
      facts.put("text", ReplyRenderer.cut(text.strip(), EVENT_TEXT_MAX));
    }
    turn.events.add(
        DomainEvent.of(EventType.HANDOFF_REQUESTED, "guest:" + turn.guest(), facts, turn.now));
    turn.reply(new Reply.Handoff("misunderstood".equals(reason)));
  }
}
