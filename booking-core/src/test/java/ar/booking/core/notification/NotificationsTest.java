package ar.booking.core.notification;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.Pricing;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventDispatcher;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owner alerts, guest notices and the timeline on in-memory stores with a hand-moved clock. */
class NotificationsTest {

  private static final String OWNER_WA = "5492944999999";
  private static final String OWNER_MAIL = "duenio@cabanas.test";
  private static final String GUEST_WA = "5492944000000";

  private InMemoryStores stores;
  private MutableClock clock;
  private Accommodation unit;
  private AlertPolicy policy;
  private EventDispatcher dispatcher;
  private final AtomicInteger linksIssued = new AtomicInteger();
  private final NotificationTexts texts = NotificationTexts.spanish();

  @BeforeEach
  void setUp() {
    stores = InMemoryStores.create();
    clock = new MutableClock(NOW);
    unit =
        stores
            .accommodations()
            .add(
                Fixtures.cabin(stores.accommodations().nextId(), "Cabaña del Lago")
                    .withArrival(
                        "Av. Bustillo 1234, Bariloche",
                        "La llave está en la caja con el código 4321."));
    policy =
        new AlertPolicy(
            stores.alertSettings(),
            new AlertPreferences(List.of(OWNER_WA), List.of(OWNER_MAIL), Set.of()));
    dispatcher =
        new EventDispatcher(
                stores.events(),
                List.of(ownerAlerts(), guestNotices()),
                clock,
                EventDispatcher.Settings.DEFAULT,
                EventDispatcher.Listener.NONE)
            .registerAll();
  }

  private OwnerAlerts ownerAlerts() {
    return new OwnerAlerts(
        stores.outbox(),
        stores.transactions(),
        policy,
        stores.reservations(),
        stores.accommodations(),
        texts,
        clock);
  }

  private GuestNotices guestNotices() {
    return new GuestNotices(
        stores.outbox(),
        stores.transactions(),
        stores.reservations(),
        stores.accommodations(),
        Optional.of(paymentLinks()),
        texts,
        "reservas.test",
        clock);
  }

  private IssuePaymentLink paymentLinks() {
    PaymentGateway gateway =
        request -> {
          int n = linksIssued.incrementAndGet();
          return new PaymentGateway.Created(
              new PaymentLink(
                  request.code(),
                  "https://pagar.test/" + request.code().value() + "/" + n,
                  request.amount(),
                  request.expiresAt(),
                  "pref-" + n));
        };
    return new IssuePaymentLink(stores.reservations(), stores.accommodations(), gateway, clock);
  }

  private Reservation placeHold(GuestContact contact, String from, String to) {
    Reservation hold =
        Reservation.hold(
            ReservationCode.random(),
            unit.id(),
            Pricing.quote(unit.pricing(), period(from, to)),
            GuestCount.of(2),
            contact,
            Channel.WHATSAPP,
            clock.instant(),
            clock.instant().plus(Duration.ofMinutes(30)));
    return ((Reservations.Inserted) stores.reservations().insert(hold, "guest:whatsapp"))
        .reservation();
  }

  private Reservation confirm(Reservation r) {
    return ((Reservations.Updated)
            stores.reservations().update(r.confirm(clock.instant()), "system:payment"))
        .reservation();
  }

  private List<QueuedMessage> to(String recipient) {
    return stores.outbox().toRecipient(recipient, 100);
  }

  private static String text(QueuedMessage m) {
    return m.message().content().plainText();
  }

  @Test
  void aNewHoldAlertsEveryOwnerChannelOnceEvenWhenRedelivered() {
    Reservation hold = placeHold(Fixtures.guest("Ana Pérez"), "2026-12-10", "2026-12-13");
    dispatcher.dispatch();

    assertThat(to(OWNER_WA))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.message().purpose()).isEqualTo("owner_alert");
              assertThat(text(m))
                  .contains(
                      "Nueva prerreserva", hold.code().value(), "Cabaña del Lago", "Ana Pérez")
                  .contains("10/12/2026", "13/12/2026");
            });
    assertThat(to(OWNER_MAIL))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.message().channel()).isEqualTo(MessageChannel.EMAIL);
              MessageContent.Email mail = (MessageContent.Email) m.message().content();
              assertThat(mail.subject()).contains("nueva prerreserva", hold.code().value());
              assertThat(mail.html()).contains("Ana P").startsWith("<p>");
            });

    // At-least-once delivery: handling the same event again queues nothing new.
    DomainEvent placed = stores.events().stream(hold.code().value()).getFirst();
    ownerAlerts().handle(placed);
    assertThat(to(OWNER_WA)).hasSize(1);
    assertThat(to(OWNER_MAIL)).hasSize(1);
  }

  @Test
  void mutedKindsAreSkippedAndTheOwnersSettingsOverrideTheDefaults() {
    policy.save(
        new AlertPreferences(List.of("5491100000000"), List.of(), Set.of(AlertKind.HOLD_PLACED)));
    Reservation hold = placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13");
    dispatcher.dispatch();
    assertThat(to("5491100000000")).isEmpty();

    stores.reservations().update(hold.cancel("el huésped no viene", clock.instant()), "admin:x");
    dispatcher.dispatch();
    assertThat(to("5491100000000"))
        .singleElement()
        .satisfies(m -> assertThat(text(m)).contains("cancelada"));
    assertThat(to(OWNER_WA)).isEmpty();
    assertThat(to(OWNER_MAIL)).isEmpty();
  }

  @Test
  void paymentAnomaliesFeedFailuresHandoffsAndDeadMessagesAlertTheOwner() {
    Reservation hold = placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13");
    Instant now = clock.instant();
    var events = stores.events();
    events.append(
        DomainEvent.of(
            EventType.PAYMENT_ANOMALY,
            hold.code().value(),
            Map.of(
                "kind", "short", "code", hold.code().value(), "amount", "1000", "currency", "ARS"),
            now));
    events.append(
        DomainEvent.of(
            EventType.ICAL_FEED_FAILED,
            "feed:1",
            Map.of(
                "accommodation_id",
                "" + unit.id().value(),
                "source",
                "Airbnb",
                "status",
                "FAILED",
                "reason",
                "HTTP 500"),
            now));
    events.append(
        DomainEvent.of(EventType.HANDOFF_REQUESTED, "guest:5492944777777", Map.of(), now));
    events.append(
        DomainEvent.of(
            EventType.MESSAGE_DEAD,
            "message:9",
            Map.of("direction", "out", "recipient", GUEST_WA, "error", "131026 undeliverable"),
            now));
    // A dead owner alert is not alerted about again (it would loop).
    events.append(
        DomainEvent.of(
            EventType.MESSAGE_DEAD,
            "message:10",
            Map.of(
                "direction",
                "out",
                "recipient",
                OWNER_WA,
                "error",
                "undeliverable",
                "purpose",
                "owner_alert"),
            now));
    dispatcher.dispatch();

    assertThat(to(OWNER_WA))
        .extracting(NotificationsTest::text)
        .anySatisfy(t -> assertThat(t).contains("Pago incompleto", hold.code().value(), "1000 ARS"))
        .anySatisfy(t -> assertThat(t).contains("Airbnb", "Cabaña del Lago", "HTTP 500"))
        .anySatisfy(t -> assertThat(t).contains("+5492944777777"))
        .anySatisfy(t -> assertThat(t).contains("131026"))
        .hasSize(5); // hold, anomaly, feed, handoff, one dead message
  }

  @Test
  void aConfirmedGuestHearsOnWhatsAppAndByMailWithTheStayAttached() {
    GuestContact contact = new GuestContact("Ana Pérez", GUEST_WA, null, "ana@correo.test");
    Reservation confirmed = confirm(placeHold(contact, "2026-12-10", "2026-12-13"));
    dispatcher.dispatch();
    dispatcher.dispatch();

    List<QueuedMessage> whatsapp = to(GUEST_WA);
    assertThat(whatsapp)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.message().purpose()).isEqualTo("booking_confirmed");
              assertThat(text(m))
                  .contains("confirmada", confirmed.code().value(), "Av. Bustillo 1234")
                  .contains("Te queda por pagar");
            });
    assertThat(to("ana@correo.test"))
        .singleElement()
        .satisfies(
            m -> {
              MessageContent.Email mail = (MessageContent.Email) m.message().content();
              assertThat(mail.subject()).contains(confirmed.code().value(), "Cabaña del Lago");
              assertThat(mail.text()).contains("Llegada: 10/12/2026 desde las 14:00");
              assertThat(mail.html()).contains("<b>" + confirmed.code().value() + "</b>", "Ana P");
              assertThat(mail.attachments())
                  .singleElement()
                  .satisfies(
                      a -> {
                        assertThat(a.filename()).endsWith(".ics");
                        assertThat(new String(a.data(), StandardCharsets.UTF_8))
                            .contains(
                                "DTSTART;VALUE=DATE:20261210",
                                "DTEND;VALUE=DATE:20261213",
                                "BEGIN:VEVENT");
                      });
            });
    assertThat(to(OWNER_WA))
        .extracting(NotificationsTest::text)
        .anySatisfy(t -> assertThat(t).contains("Reserva confirmada"));
  }

  @Test
  void anExpiredHoldOffersToBookAgainAndPaymentNewsReachTheGuest() {
    Reservation hold = placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13");
    Instant now = clock.instant();
    stores
        .events()
        .append(
            DomainEvent.of(
                EventType.PAYMENT_PENDING,
                hold.code().value(),
                Map.of("code", hold.code().value()),
                now));
    stores
        .events()
        .append(
            DomainEvent.of(
                EventType.PAYMENT_FAILED,
                hold.code().value(),
                Map.of("code", hold.code().value()),
                now));
    dispatcher.dispatch();
    clock.advance(Duration.ofMinutes(31));
    stores
        .reservations()
        .update(
            stores
                .reservations()
                .find(hold.code())
                .orElseThrow()
                .transitionTo(ReservationStatus.EXPIRED, clock.instant()),
            "system:expiry");
    stores
        .events()
        .append(
            DomainEvent.of(
                EventType.PAYMENT_ANOMALY,
                hold.code().value(),
                Map.of("code", hold.code().value(), "kind", "late_refunded"),
                clock.instant()));
    dispatcher.dispatch();
    dispatcher.dispatch();

    List<QueuedMessage> guest = to(GUEST_WA);
    assertThat(guest)
        .extracting(NotificationsTest::text)
        .anySatisfy(t -> assertThat(t).contains("se está procesando"))
        .anySatisfy(t -> assertThat(t).contains("https://pagar.test/" + hold.code().value()))
        .anySatisfy(t -> assertThat(t).contains("devolvimos"))
        .hasSize(4);
    QueuedMessage expired =
        guest.stream()
            .filter(m -> m.message().purpose().equals("hold_expired"))
            .findFirst()
            .orElseThrow();
    MessageContent.Buttons buttons = (MessageContent.Buttons) expired.message().content();
    assertThat(buttons.body()).contains("Se venció", hold.code().value());
    assertThat(buttons.choices())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(GuestNotices.BOOK_AGAIN);
              assertThat(c.title().length()).isLessThanOrEqualTo(20);
            });
  }

  @Test
  void theHoldReminderGoesOnceWithThePaymentLinkWithinItsLeadTime() {
    HoldReminders reminders =
        new HoldReminders(
            stores.reservations(),
            stores.accommodations(),
            stores.outbox(),
            stores.timelineSteps(),
            stores.transactions(),
            Optional.of(paymentLinks()),
            texts,
            Duration.ofMinutes(10),
            clock);
    Reservation hold = placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13");

    clock.advance(Duration.ofMinutes(19)); // 11 minutes left
    assertThat(reminders.execute()).isZero();
    clock.advance(Duration.ofMinutes(1)); // 10 minutes left
    assertThat(reminders.execute()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(reminders.execute()).isZero();
    // A second instance's job (same stores) sends nothing either.
    HoldReminders other =
        new HoldReminders(
            stores.reservations(),
            stores.accommodations(),
            stores.outbox(),
            stores.timelineSteps(),
            stores.transactions(),
            Optional.empty(),
            texts,
            Duration.ofMinutes(10),
            clock);
    assertThat(other.execute()).isZero();

    assertThat(to(GUEST_WA))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.message().purpose()).isEqualTo("hold_reminder");
              assertThat(text(m))
                  .contains("vence a las 12:30", "https://pagar.test/" + hold.code().value());
            });
    assertThat(linksIssued).hasValue(1);
  }

  @Test
  void thePreArrivalMessageGoesOnceFromTheConfiguredHourTheDayBefore() {
    PreArrivalMessages preArrival =
        new PreArrivalMessages(
            stores.reservations(),
            stores.accommodations(),
            stores.outbox(),
            stores.timelineSteps(),
            stores.transactions(),
            texts,
            18,
            clock);
    Reservation stay = confirm(placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13"));

    clock.set(Instant.parse("2026-12-09T20:59:00Z")); // 17:59 in Bariloche, the day before
    assertThat(preArrival.execute()).isZero();
    clock.set(Instant.parse("2026-12-09T21:00:00Z")); // 18:00
    assertThat(preArrival.execute()).isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    assertThat(preArrival.execute()).isZero();

    assertThat(to(GUEST_WA))
        .filteredOn(m -> m.message().purpose().equals("pre_arrival"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(text(m))
                    .contains("desde las 14:00", "Av. Bustillo 1234", "caja con el código 4321"));
    assertThat(stay.status()).isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void aStayIsCompletedOnceAfterItsCheckOutTime() {
    CompleteStays complete =
        new CompleteStays(
            stores.reservations(), stores.accommodations(), stores.transactions(), clock);
    Reservation stay = confirm(placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13"));

    clock.set(Instant.parse("2026-12-13T12:59:00Z")); // 09:59 local on check-out day
    assertThat(complete.execute()).isZero();
    clock.set(Instant.parse("2026-12-13T13:00:00Z")); // 10:00, check-out time
    assertThat(complete.execute()).isEqualTo(1);
    assertThat(complete.execute()).isZero();
    assertThat(stores.reservations().find(stay.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.COMPLETED);
    assertThat(stores.events().stream(stay.code().value()))
        .extracting(DomainEvent::type)
        .containsExactly(EventType.HOLD_PLACED, EventType.CONFIRMED, EventType.COMPLETED);
  }

  @Test
  void pruningDeletesOldHandledRowsAndKeepsPendingOnes() {
    Reservation hold = placeHold(Fixtures.guest("Ana"), "2026-12-10", "2026-12-13");
    dispatcher.dispatch(); // owner alerts queued, events delivered
    QueuedMessage alert = to(OWNER_WA).getFirst();
    stores.outbox().sent(alert.id(), "wamid.1", clock.instant());
    PruneHistory prune =
        new PruneHistory(
            stores.inbox(),
            stores.outbox(),
            stores.events(),
            stores.timelineSteps(),
            Duration.ofDays(90),
            clock);

    assertThat(prune.execute().total()).isZero();
    clock.advance(Duration.ofDays(91));
    PruneHistory.Pruned pruned = prune.execute();
    assertThat(pruned.outbox()).isEqualTo(1); // the sent one; the pending e-mail stays
    assertThat(pruned.events()).isEqualTo(1);
    assertThat(stores.events().stream(hold.code().value())).isEmpty();
    assertThat(stores.outbox().count(OutboxStatus.PENDING)).isEqualTo(1);
  }
}
