package ar.booking.core.conversation.dialog;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Words a {@link Reply} in the guest's language from the {@code dialog} resource bundle, within
 * WhatsApp's limits: up to 3 reply buttons (titles of 20 characters), else a list of up to 10 rows
 * (titles of 24, descriptions of 72), interactive bodies of 1 024 characters, texts of 4 096.
 */
final class ReplyRenderer {

  static final String BUNDLE = "ar.booking.core.conversation.dialog";
  static final Locale LOCALE = Locale.of("es", "AR");

  static final String MENU_AVAILABILITY = "menu:availability";
  static final String MENU_BOOKINGS = "menu:bookings";
  static final String MENU_HUMAN = "menu:human";

  private static final int BUTTON_TITLE = 20;
  private static final int ROW_TITLE = 24;
  private static final int ROW_DESCRIPTION = 72;
  private static final int INTERACTIVE_BODY = 1024;
  private static final int TEXT_BODY = 4096;
  private static final int NIGHTS_LISTED_ONE_BY_ONE = 14;
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ResourceBundle bundle;

  ReplyRenderer() {
    this(
        ResourceBundle.getBundle(
            BUNDLE,
            LOCALE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  ReplyRenderer(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  MessageContent render(Reply reply, String guestName, int maxNights) {
    return switch (reply) {
      case Reply.Welcome w ->
          buttons(
              t(
                  "welcome",
                  guestName == null || guestName.isBlank() ? "" : " " + firstName(guestName)),
              menu());
      case Reply.Heard h -> text(t("heard", h.text()));
      case Reply.AudioUnclear a -> text(t("audio.unclear"));
      case Reply.AudioNotUsable a -> text(t("audio.unusable"));
      case Reply.NotText n -> text(t("not.text"));
      case Reply.Thanks th -> text(t("thanks"));
      case Reply.NotUnderstood n -> buttons(t("not.understood"), menu());
      case Reply.Ask a -> text(t("ask." + a.missing().name()));
      case Reply.Problem p -> text(t("problem." + p.code().name(), Integer.toString(maxNights)));
      case Reply.TooManyGuests tm -> text(t("too.many.guests", Integer.toString(tm.largest())));
      case Reply.BelowMinimumStay b ->
          text(
              t(
                  "below.minimum.stay",
                  Integer.toString(b.minNights()),
                  DAY_MONTH.format(b.checkIn()),
                  DAY_MONTH.format(b.checkIn().plusDays(b.minNights()))));
      case Reply.Offers o ->
          offers(readBack(o.understood()) + "\n" + t("offers.intro"), o.offers());
      case Reply.NoneFree n -> noneFree(n);
      case Reply.OfferExpired e -> text(t("offer.expired"));
      case Reply.HoldPlaced h -> holdPlaced(h);
      case Reply.PaymentLink l -> text(t("link", l.code(), l.url()));
      case Reply.PaymentLinkLater l ->
          buttons(t("hold.link.later"), List.of(Choice.of(l.linkChoiceId(), t("link.button"))));
      case Reply.NothingToPay n -> text(t("nothing.to.pay"));
      case Reply.Bookings b -> bookings(b);
      case Reply.NoBookings n ->
          buttons(t("no.bookings"), List.of(Choice.of(MENU_AVAILABILITY, t("menu.availability"))));
      case Reply.ConfirmCancel c ->
          buttons(
              t(
                  "cancel.confirm",
                  c.booking().code(),
                  c.booking().unitName(),
                  day(c.booking().checkIn()),
                  day(c.booking().checkOut())),
              List.of(
                  Choice.of(c.yesChoiceId(), t("cancel.yes")),
                  Choice.of(c.noChoiceId(), t("cancel.no"))));
      case Reply.Cancelled c -> text(t("cancelled", c.code()));
      case Reply.KeptBooking k -> text(t("kept", k.code()));
      case Reply.CannotCancel c ->
          buttons(t("cannot.cancel", c.code()), List.of(Choice.of(MENU_HUMAN, t("menu.human"))));
      case Reply.Handoff h -> text(t(h.misunderstood() ? "handoff.misunderstood" : "handoff"));
    };
  }

  /** "Entrada jue 10/12 → salida dom 13/12, 3 noches, 2 personas". */
  String readBack(Reply.Understood u) {
    return t(
        "read.back",
        day(u.checkIn()),
        day(u.checkOut()),
        count(u.nights(), "night"),
        count(u.guests(), "person"));
  }

  /** "jue 10/12". */
  String day(LocalDate date) {
    return t("day." + date.getDayOfWeek().getValue()) + " " + DAY_MONTH.format(date);
  }

  /** "$ 39.000" or "$ 25.000,50". */
  static String money(Money money) {
    BigDecimal amount = money.amount();
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    String digits =
        amount.setScale(whole ? 0 : 2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    String integer = whole ? digits : digits.substring(0, digits.indexOf('.'));
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        grouped.append('.');
      }
      grouped.append(integer.charAt(i));
    }
    if (!whole) {
      grouped.append(',').append(digits.substring(digits.indexOf('.') + 1));
    }
    String symbol =
        money.currency().getCurrencyCode().equals("ARS") ? "$" : money.currency().getCurrencyCode();
    return symbol + " " + grouped;
  }

  private MessageContent noneFree(Reply.NoneFree n) {
    String head =
        (n.justTaken() ? t("just.taken") : t("none.free")) + "\n" + readBack(n.understood());
    if (n.alternatives().isEmpty()) {
      return text(head + "\n" + t("no.alternatives"));
    }
    return offers(head + "\n" + t("alternatives"), n.alternatives());
  }

  private MessageContent offers(String intro, List<Reply.Offer> offers) {
    StringBuilder body = new StringBuilder(intro);
    for (Reply.Offer o : offers) {
      body.append('\n').append("• ").append(offerLine(o));
    }
    body.append('\n').append(t("offers.pick"));
    boolean asButtons = offers.size() <= 3;
    List<Choice> choices = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (Reply.Offer o : offers) {
      String label =
          o.otherDates()
              ? DAY_MONTH.format(o.checkIn()) + " → " + DAY_MONTH.format(o.checkOut())
              : o.unitName();
      String title = unique(label, asButtons ? BUTTON_TITLE : ROW_TITLE, titles);
      String description =
          o.otherDates()
              ? t("offer.description.dates", o.unitName(), money(o.total()))
              : t("offer.description", money(o.total()), money(o.deposit()));
      choices.add(
          new Choice(o.choiceId(), title, asButtons ? null : cut(description, ROW_DESCRIPTION)));
    }
    if (asButtons) {
      return new MessageContent.Buttons(cut(body.toString(), INTERACTIVE_BODY), null, choices);
    }
    return new MessageContent.ChoiceList(
        cut(body.toString(), INTERACTIVE_BODY),
        t("offers.button"),
        choices.subList(0, Math.min(10, choices.size())));
  }

  private String offerLine(Reply.Offer o) {
    if (o.otherDates()) {
      return t(
          "offer.line.dates",
          o.unitName(),
          day(o.checkIn()),
          day(o.checkOut()),
          money(o.total()),
          money(o.deposit()));
    }
    return t("offer.line", o.unitName(), money(o.total()), money(o.deposit()));
  }

  private MessageContent holdPlaced(Reply.HoldPlaced h) {
    LocalDateTime until = h.holdUntil();
    List<String> lines = new ArrayList<>();
    lines.add(t("hold.placed", h.unitName(), TIME.format(until), day(until.toLocalDate())));
    lines.add(t("hold.code", h.code()));
    lines.add(readBack(h.understood()));
    if (h.nights().size() <= NIGHTS_LISTED_ONE_BY_ONE) {
      for (Reply.Night night : h.nights()) {
        lines.add(t("hold.night", day(night.night()), money(night.price())));
      }
    } else {
      groupedNights(h.nights(), lines);
    }
    if (!h.cleaningFee().isZero()) {
      lines.add(t("hold.cleaning", money(h.cleaningFee())));
    }
    lines.add(t("hold.total", money(h.total())));
    if (h.deposit().isZero()) {
      lines.add(t("hold.nothing.due"));
      return text(String.join("\n", lines));
    }
    lines.add(t("hold.deposit", money(h.deposit())));
    if (h.paymentUrl() != null) {
      lines.add(t("hold.link", h.paymentUrl()));
      return text(String.join("\n", lines));
    }
    lines.add(t("hold.link.later"));
    return buttons(
        String.join("\n", lines), List.of(Choice.of(h.linkChoiceId(), t("link.button"))));
  }

  /** Long stays: "4 noches × $ 10.000" per run of equal prices. */
  private void groupedNights(List<Reply.Night> nights, List<String> lines) {
    int i = 0;
    while (i < nights.size()) {
      int j = i;
      while (j + 1 < nights.size() && nights.get(j + 1).price().equals(nights.get(i).price())) {
        j++;
      }
      lines.add(t("hold.nights.grouped", count(j - i + 1, "night"), money(nights.get(i).price())));
      i = j + 1;
    }
  }

  private MessageContent bookings(Reply.Bookings b) {
    StringBuilder body = new StringBuilder(t("bookings.intro"));
    for (Reply.Booking booking : b.bookings()) {
      String status =
          booking.confirmed()
              ? t("booking.confirmed")
              : t(
                  "booking.hold",
                  TIME.format(booking.holdUntil()),
                  day(booking.holdUntil().toLocalDate()));
      body.append('\n')
          .append("• ")
          .append(
              t(
                  "booking.line",
                  booking.code(),
                  booking.unitName(),
                  day(booking.checkIn()),
                  day(booking.checkOut()),
                  status));
    }
    if (b.cancelChoices().isEmpty()) {
      return text(body.toString());
    }
    body.append('\n').append(t("bookings.cancel"));
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < b.cancelChoices().size() && i < 10; i++) {
      choices.add(
          new Choice(
              b.cancelChoices().get(i).choiceId(),
              t("booking.cancel.title", b.cancelChoices().get(i).code()),
              null));
    }
    if (choices.size() <= 3) {
      return new MessageContent.Buttons(cut(body.toString(), INTERACTIVE_BODY), null, choices);
    }
    return new MessageContent.ChoiceList(
        cut(body.toString(), INTERACTIVE_BODY), t("bookings.button"), choices);
  }

  private List<Choice> menu() {
    return List.of(
        Choice.of(MENU_AVAILABILITY, t("menu.availability")),
        Choice.of(MENU_BOOKINGS, t("menu.bookings")),
        Choice.of(MENU_HUMAN, t("menu.human")));
  }

  private String count(int n, String noun) {
    return n + " " + t(noun + (n == 1 ? ".one" : ".other"));
  }

  private String t(String key, String... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", args[i]);
    }
    return text;
  }

  private static MessageContent text(String body) {
    return new MessageContent.Text(cut(body, TEXT_BODY));
  }

  private static MessageContent buttons(String body, List<Choice> choices) {
    List<Choice> fitted = new ArrayList<>();
    for (Choice c : choices) {
      fitted.add(new Choice(c.id(), cut(c.title(), BUTTON_TITLE), null));
    }
    return new MessageContent.Buttons(cut(body, INTERACTIVE_BODY), null, fitted);
  }

  private static String unique(String label, int max, Set<String> taken) {
    String title = cut(label, max);
    for (int n = 2; !taken.add(title); n++) {
      String suffix = " " + n;
      title = cut(label, max - suffix.length()) + suffix;
    }
    return title;
  }

  /** At most {@code max} characters (whole code points), ending in "…" when cut. */
  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, max - 1);
    return text.substring(0, end).stripTrailing() + "…";
  }

  private static String firstName(String name) {
    String first = name.strip().split("\\s+")[0];
    return cut(first, 30);
  }
}
