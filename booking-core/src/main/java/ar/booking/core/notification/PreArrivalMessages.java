package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * The message the day before check-in, from {@code hour} o'clock at the unit's local time, with the
 * check-in time, the address and the unit's arrival instructions; once per reservation (step {@link
 * #STEP}). A run that missed the evening (the app was down) still sends it on the morning of
 * check-in, until the check-in time.
 */
public final class PreArrivalMessages {

  public static final String STEP = "pre_arrival";

  private final Reservations reservations;
  private final Accommodations accommodations;
  private final Outbox outbox;
  private final TimelineSteps steps;
  private final Transactions transactions;
  private final NotificationTexts texts;
  private final StayFacts facts;
  private final int hour;
  private final Clock clock;

  public PreArrivalMessages(
      Reservations reservations,
      Accommodations accommodations,
      Outbox outbox,
      TimelineSteps steps,
      Transactions transactions,
      NotificationTexts texts,
      int hour,
      Clock clock) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("an hour of the day is 0 to 23: " + hour);
    }
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.facts = new StayFacts(reservations, accommodations, texts);
    this.hour = hour;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public int execute() {
    Instant now = clock.instant();
    int sent = 0;
    for (Accommodation unit : accommodations.findAll()) {
      LocalDateTime local = LocalDateTime.ofInstant(now, unit.zone());
      LocalDate today = local.toLocalDate();
      var query =
          ReservationQuery.all()
              .withStatus(ReservationStatus.CONFIRMED)
              .withAccommodation(unit.id())
              .between(today, today.plusDays(2))
              .page(0, ReservationQuery.MAX_LIMIT);
      for (Reservation r : reservations.search(query).items()) {
        LocalDate checkIn = r.period().checkIn();
        boolean eveningBefore = checkIn.equals(today.plusDays(1)) && local.getHour() >= hour;
        boolean morningOf =
            checkIn.equals(today) && local.toLocalTime().isBefore(unit.checkInTime());
        if ((eveningBefore || morningOf)
            && r.contact().whatsappId() != null
            && !steps.done(r.code(), STEP)) {
          if (send(r, unit, now)) {
            sent++;
          }
        }
      }
    }
    return sent;
  }

  private boolean send(Reservation r, Accommodation unit, Instant now) {
    Map<String, String> known = facts.of(r, unit);
    known.put(
        "address", unit.address() == null ? "" : texts.render("guest.pre_arrival.address", known));
    known.put(
        "instructions",
        unit.arrivalInstructions() == null
            ? ""
            : texts.render("guest.pre_arrival.instructions", known));
    OutboundMessage message =
        OutboundMessage.whatsapp(
            "pre-arrival:" + r.code().value(),
            r.contact().whatsappId(),
            new MessageContent.Text(texts.render("guest.pre_arrival", known)),
            STEP,
            now);
    return transactions.inTransaction(
        () -> {
          if (!steps.mark(r.code(), STEP, now)) {
            return false;
          }
          outbox.enqueue(message);
          return true;
        });
  }
}
