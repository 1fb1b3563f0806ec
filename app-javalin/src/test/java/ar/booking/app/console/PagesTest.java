package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The precompiled templates on their own: what a wired {@link ConsoleData} source shows, escaped.
 */
class PagesTest {

  static final String MARKUP = "<img src=x onerror=alert(1)>";
  static final Views.Frame FRAME =
      new Views.Frame("Mensajes", "inbox", "duena@cabanas.test", "token", null, null);

  final Pages pages = new Pages();

  @Test
  void aWiredInboxShowsConversationsWaitingGuestsMarkedAndEverythingEscaped() {
    String html =
        pages.render(
            "inbox.jte",
            new Views.InboxView(
                FRAME,
                true,
                List.of(
                    new ConsoleData.ConversationLine(
                        MARKUP,
                        "WhatsApp",
                        "quiero hablar con alguien " + MARKUP,
                        Instant.EPOCH,
                        true),
                    new ConsoleData.ConversationLine(
                        "Ana", "WhatsApp", "gracias", Instant.EPOCH, false))));

    assertThat(html).doesNotContain(MARKUP).doesNotContain("Sin datos.");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "Espera respuesta", "gracias");
    assertThat(html).contains("<li class=\"waiting\">");
  }

  @Test
  void wiredPaymentsAndAlertsAreListedAndAnOrphanPaymentSaysSo() {
    String html =
        pages.render(
            "payments.jte",
            new Views.PaymentsView(
                FRAME,
                true,
                List.of(
                    new ConsoleData.PaymentLine(
                        null, "Mercado Pago", "$ 10.000 ARS", "Aprobado", Instant.EPOCH),
                    new ConsoleData.PaymentLine(
                        "ABCD2345", "Mercado Pago", "$ 5.000 ARS", "Pendiente", Instant.EPOCH)),
                true,
                List.of(new ConsoleData.AlertLine("Mensaje no entregado", MARKUP, Instant.EPOCH)),
                List.of(),
                List.of()));

    assertThat(html).contains("sin reserva", "ABCD2345", "$ 10.000 ARS", "Mensaje no entregado");
    assertThat(html).doesNotContain(MARKUP).doesNotContain("Sin datos.");
  }

  @Test
  void theLayoutEscapesTheOwnersEmailAndCarriesTheCsrfTokenInTheLogoutForm() {
    String html =
        pages.render(
            "message.jte",
            new Views.MessageView(
                new Views.Frame("T", "", "a\"><script>@x.test", "tok\"en", null, null),
                "Título",
                "Texto"));
    assertThat(html).doesNotContain("<script>@x.test").contains("a\"&gt;&lt;script&gt;@x.test");
    assertThat(html).contains("name=\"_csrf\" value=\"tok&#34;en\"");
    assertThat(html)
        .doesNotContain("<script>")
        .contains("<script src=\"/admin/static/htmx.min.js\"");
  }
}
