package ar.booking.app.notifications;

import static ar.booking.app.notifications.NotificationApps.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.app.BookingApp;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail end to end: the real app on in-memory stores, a real SMTP server (GreenMail) in this JVM.
 */
class MailNotificationsTest {

  private static final String OWNER_MAIL = "duenio@cabanas.test";
  private static final String GUEST_MAIL = "ana@correo.test";

  private final InMemoryStores stores = InMemoryStores.create();
  private final ShiftableClock clock = new ShiftableClock(Fixtures.NOW);
  private Accommodation unit;
  private GreenMail smtp;
  private BookingApp app;
  private int smtpPort;

  @BeforeEach
  void setUp() throws Exception {
    smtpPort = freePort();
    unit =
        stores
            .accommodations()
            .add(
                Fixtures.cabin(stores.accommodations().nextId(), "Cabaña del Lago")
                    .withArrival("Av. Bustillo 1234, Bariloche", "La llave está en la caja."));
  }

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private NotificationApps.Client startApp() throws Exception {
    Map<String, String> env = NotificationApps.env();
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(smtpPort));
    env.put("SMTP_FROM", "Cabañas del Lago <reservas@cabanas.test>");
    env.put("SMTP_STARTTLS", "false");
    env.put("OWNER_EMAIL", OWNER_MAIL);
    app = NotificationApps.start(stores, new InMemoryOwnerAccounts(), clock, env);
    return NotificationApps.Client.of(app);
  }

  /** A hold for Ana, then the owner confirms it with part of the money: returns the code. */
  private String holdAndConfirm(NotificationApps.Client api) throws Exception {
    JsonNode hold =
        api.json(
            "POST",
            "/reservations",
            json(
                "{'accommodation_id': %d, 'check_in': '2026-12-10', 'check_out': '2026-12-13',"
                        .formatted(unit.id().value())
                    + " 'guests': 2, 'guest_name': 'Ana Pérez', 'guest_email': '"
                    + GUEST_MAIL
                    + "', 'kind': 'hold'}"));
    String code = hold.get("code").asText();
    api.json("POST", "/reservations/" + code + "/confirm", json("{'amount_paid': 20000}"));
    return code;
  }

  private List<MimeMessage> receivedBy(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(address);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  @Test
  void aConfirmedBookingMailsTheGuestTheStayAndTheOwnerAnAlert() throws Exception {
    startSmtp();
    NotificationApps.Client api = startApp();
    String code = holdAndConfirm(api);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> receivedBy(GUEST_MAIL).size() == 1 && receivedBy(OWNER_MAIL).size() == 2);

    MimeMessage guest = receivedBy(GUEST_MAIL).getFirst();
    assertThat(guest.getSubject()).contains(code, "Cabaña del Lago", "10/12/2026");
    MimeMultipart mixed = (MimeMultipart) guest.getContent();
    MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent())
        .contains("Hola Ana Pérez", "Llegada: 10/12/2026 desde las 14:00", "Av. Bustillo 1234");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alternative.getBodyPart(1).getContent()).contains("<b>" + code + "</b>");
    BodyPart ics = mixed.getBodyPart(1);
    assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(ics.getFileName()).isEqualTo("reserva-" + code + ".ics");
    String icsText = new String(ics.getInputStream().readAllBytes(), "UTF-8");
    Calendar calendar = new CalendarBuilder().build(new StringReader(icsText));
    VEvent stay = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    assertThat(stay.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(stay.getDateTimeEnd().getDate()).isEqualTo(LocalDate.of(2026, 12, 13));
    assertThat(stay.getUid().orElseThrow().getValue()).isEqualTo(code + "@reservas.test");
    assertThat(stay.getLocation().getValue()).contains("Bustillo 1234");

    assertThat(receivedBy(OWNER_MAIL))
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder(
            "Reservas: nueva prerreserva " + code, "Reservas: reserva " + code + " confirmada");

    // The owner sees what went out, to whom and when.
    JsonNode sent = api.json("GET", "/notifications?status=sent", null);
    assertThat(sent.get("totals").get("sent").asInt()).isEqualTo(3);
    assertThat(sent.get("items").findValuesAsText("recipient"))
        .containsExactlyInAnyOrder(GUEST_MAIL, OWNER_MAIL, OWNER_MAIL);
    JsonNode guestRow = sent.get("items").get(0);
    assertThat(guestRow.get("channel").asText()).isEqualTo("email");
    assertThat(guestRow.get("sent_at").isNull()).isFalse();
  }

  @Test
  void whileTheMailServerIsDownBookingsGoOnAndMailIsRetriedThenSent() throws Exception {
    NotificationApps.Client api = startApp(); // nothing listens on the SMTP port yet

    long started = System.nanoTime();
    String code = holdAndConfirm(api);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(stores.reservations().find(new ar.booking.core.reservation.ReservationCode(code)))
        .hasValueSatisfying(r -> assertThat(r.status().name()).isEqualTo("CONFIRMED"));

    // Tried, failed, waiting for its next attempt (the owner's second alert waits behind the
    // first: one recipient's messages go in order).
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                emails().size() == 3
                    && emails().stream().filter(m -> m.attempts() >= 1).count() == 2);
    JsonNode pending = api.json("GET", "/notifications?status=pending", null);
    JsonNode guestRow = null;
    for (JsonNode item : pending.get("items")) {
      if (item.get("recipient").asText().equals(GUEST_MAIL)) {
        guestRow = item;
      }
    }
    assertThat(guestRow).isNotNull();
    assertThat(guestRow.get("status").asText()).isEqualTo("pending");
    assertThat(guestRow.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(guestRow.get("last_error").isTextual()).isTrue();
    assertThat(stores.outbox().count(OutboxStatus.DEAD)).isZero();

    startSmtp();
    clock.advance(Duration.ofMinutes(2)); // past the first backoff
    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 3);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> stores.outbox().count(OutboxStatus.SENT) == 3);
    assertThat(receivedBy(GUEST_MAIL)).hasSize(1);
    String metrics = NotificationApps.send(app, "GET", "/metrics", null, null).body();
    assertThat(metrics)
        .contains(
            "notifications_sent_total{channel=\"email\",kind=\"booking_confirmed\",outcome=\"sent\"} 1.0")
        .contains(
            "notifications_sent_total{channel=\"email\",kind=\"booking_confirmed\",outcome=\"retry\"}");
  }

  private List<QueuedMessage> emails() {
    return stores.outbox().inStatus(OutboxStatus.PENDING, 100).stream()
        .filter(m -> m.message().channel() == MessageChannel.EMAIL)
        .toList();
  }
}
