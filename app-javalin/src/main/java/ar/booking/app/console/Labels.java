package ar.booking.app.console;

import ar.booking.core.calendarsync.FeedHealth;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The console's Spanish (es-AR) words and formats for states, sources, money and dates. */
final class Labels {

  static final Locale ES_AR = Locale.forLanguageTag("es-AR");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", ES_AR);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", ES_AR);
  private static final DateTimeFormatter SHORT_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM HH:mm", ES_AR);

  private Labels() {}

  /** The kind of stay as the grid's legend names it. */
  static String kind(Reservation r) {
    return kind(r.kind(), r.status(), r.channel());
  }

  static String kind(OccupancyKind kind, ReservationStatus status, Channel channel) {
    return switch (kind) {
      case OWNER_BLOCK -> "Bloqueo";
      case IMPORTED_STAY -> "Importada de " + source(channel);
      case GUEST_BOOKING ->
          switch (status) {
            case PRE_RESERVED -> "Retenida";
            case EXPIRED -> "Retención vencida";
            case COMPLETED -> "Completada";
            case CANCELLED -> "Cancelada";
            default -> "Confirmada";
          };
    };
  }

  /** The CSS class of a stay's bar (its colour); the text never relies on the colour alone. */
  static String css(OccupancyKind kind, ReservationStatus status, Channel channel) {
    return switch (kind) {
      case OWNER_BLOCK -> "stay-block";
      case IMPORTED_STAY -> "stay-imported stay-" + channel.name().toLowerCase(Locale.ROOT);
      case GUEST_BOOKING ->
          switch (status) {
            case PRE_RESERVED, EXPIRED -> "stay-hold";
            case COMPLETED -> "stay-completed";
            case CANCELLED -> "stay-cancelled";
            default -> "stay-confirmed";
          };
    };
  }

  static String status(ReservationStatus status) {
    return switch (status) {
      case PRE_RESERVED -> "Retenida (falta el pago)";
      case CONFIRMED -> "Confirmada";
      case EXPIRED -> "Retención vencida";
      case CANCELLED -> "Cancelada";
      case COMPLETED -> "Completada";
      case BLOCKED -> "Bloqueada por vos";
    };
  }

  static String source(Channel channel) {
    return switch (channel) {
      case WHATSAPP -> "WhatsApp";
      case ADMIN -> "Consola";
      case DIRECT -> "Directa";
      case AIRBNB -> "Airbnb";
      case BOOKING -> "Booking.com";
      case VRBO -> "Vrbo";
      case ICAL_OTHER -> "otro calendario";
    };
  }

  static String payment(PaymentStatus status) {
    return switch (status) {
      case PENDING -> "Pendiente";
      case IN_PROCESS -> "En proceso";
      case APPROVED -> "Aprobado";
      case REJECTED -> "Rechazado";
      case CANCELLED -> "Cancelado";
      case REFUNDED -> "Devuelto";
      case CHARGED_BACK -> "Contracargo";
    };
  }

  static String feed(FeedHealth.Status status) {
    return switch (status) {
      case OK -> "Al día";
      case PENDING -> "Sin sincronizar todavía";
      case STALE -> "Desactualizado";
      case FAILING -> "Con errores";
      case SUSPICIOUS -> "Sospechoso: espera tu decisión";
    };
  }

  /** "$ 12.500,50 ARS" — es-AR grouping, two decimals only when there are cents. */
  static String money(Money money) {
    return money == null ? "" : amount(money.amount()) + " " + money.currency().getCurrencyCode();
  }

  static String amount(BigDecimal amount) {
    boolean cents = amount.stripTrailingZeros().scale() > 0;
    DecimalFormat format =
        new DecimalFormat(cents ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(ES_AR));
    return "$ " + format.format(amount);
  }

  /** A plain number for a form field ("10000.5"). */
  static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String dateTime(Instant at, ZoneId zone) {
    return at == null ? "" : DATE_TIME.format(at.atZone(zone));
  }

  static String shortDateTime(Instant at, ZoneId zone) {
    return at == null ? "" : SHORT_DATE_TIME.format(at.atZone(zone));
  }

  static String weekday(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, ES_AR);
  }

  /** "Noviembre de 2026". */
  static String month(YearMonth month) {
    String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, ES_AR);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " de " + month.getYear();
  }

  /** A message's state in the inbox or the outbox (delivery states included). */
  static String messageStatus(String status) {
    return switch (status) {
      case "PENDING" -> "pendiente";
      case "PROCESSING" -> "procesando";
      case "PROCESSED" -> "recibido";
      case "SENT" -> "enviado";
      case "ACCEPTED" -> "aceptado";
      case "DELIVERED" -> "entregado";
      case "READ" -> "leído";
      case "FAILED" -> "falló";
      case "DEAD" -> "no entregado";
      default -> status.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
