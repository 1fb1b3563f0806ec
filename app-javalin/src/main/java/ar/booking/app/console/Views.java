package ar.booking.app.console;

import java.util.List;

/**
 * What the templates show: plain values, already formatted in Spanish. The templates escape every
 * value they print.
 */
public final class Views {

  private Views() {}

  /**
   * What every page has: its title, the active menu entry, the owner's e-mail, the CSRF token of
   * the session (for the forms) and a notice or an error to show on top (null for none).
   */
  public record Frame(
      String title, String nav, String email, String csrf, String notice, String error) {}

  public record LoginView(String csrf, String email, String error) {}

  public record PasswordView(Frame frame) {}

  public record MessageView(Frame frame, String heading, String text) {}

  /** The month grid: units × nights, one row per lane (overlapping stays take another lane). */
  public record GridView(
      Frame frame,
      String monthLabel,
      String month,
      String previous,
      String next,
      String todayLabel,
      List<DayHead> days,
      List<UnitRow> rows,
      List<ConflictLine> conflicts) {}

  /** A column of the grid. */
  public record DayHead(String date, int day, String weekday, boolean today, boolean weekend) {}

  /** One lane of a unit; the first lane of a unit carries the unit's cell spanning all lanes. */
  public record UnitRow(
      long unitId, String unitName, boolean firstLane, int lanes, List<GridCell> cells) {}

  /**
   * A cell of the grid: a stay's bar over {@code span} nights (a link to its page), or one free
   * night with a checkbox to select it for a block ({@code selectable}).
   */
  public record GridCell(
      boolean bar,
      int span,
      String date,
      String value,
      String label,
      String css,
      String href,
      String title,
      boolean today,
      boolean selectable) {}

  /** An open conflict between an imported stay and ours. */
  public record ConflictLine(String unit, String text, String href) {}

  /** A stay's page. */
  public record StayView(
      Frame frame,
      String code,
      String unit,
      String kind,
      String css,
      String status,
      String checkIn,
      String checkOut,
      int nights,
      String guest,
      String phone,
      String email,
      String source,
      String holdExpiry,
      String total,
      String deposit,
      String paid,
      String currency,
      String note,
      boolean conflict,
      List<ConflictRow> conflicts,
      List<PaymentRow> payments,
      boolean canPay,
      boolean canCancel,
      boolean canUnblock,
      String firstNight,
      String lastNight,
      String backMonth,
      boolean canLink,
      String link) {}

  /** An open conflict on a stay's page, to mark as resolved once decided. */
  public record ConflictRow(long id, String text) {}

  public record PaymentRow(String at, String provider, String amount, String status, String id) {}

  /** The list of units. */
  public record UnitsView(Frame frame, List<UnitRowView> units, List<Option> types) {}

  public record UnitRowView(
      long id, String name, String type, int capacity, String basePrice, boolean active) {}

  public record Option(String value, String label, boolean selected) {}

  /** One unit: its prices, seasons, holidays and calendar feeds. */
  public record UnitView(
      Frame frame,
      long id,
      String name,
      String type,
      int capacity,
      boolean active,
      String basePrice,
      String weekendMultiplier,
      int minNights,
      String cleaningFee,
      int depositPercentage,
      String currency,
      List<SeasonRow> seasons,
      List<HolidayRow> holidays,
      List<FeedRow> feeds,
      String exportUrl,
      List<Option> sources,
      String address,
      String arrivalInstructions) {}

  public record SeasonRow(
      int index, String name, String firstNight, String lastNight, String rate, String minNights) {}

  public record HolidayRow(int index, String date, String name, String rate) {}

  public record FeedRow(
      long id,
      String source,
      String url,
      String status,
      String css,
      String lastSuccess,
      String lastError,
      int events) {}

  /** The inbox: conversations, or "sin datos" when not wired. */
  public record InboxView(Frame frame, boolean wired, List<ConsoleData.ConversationLine> items) {}

  /** Payments and alerts. */
  public record PaymentsView(
      Frame frame,
      boolean paymentsWired,
      List<ConsoleData.PaymentLine> payments,
      boolean alertsWired,
      List<ConsoleData.AlertLine> alerts,
      List<FeedAlert> feeds,
      List<ConflictLine> conflicts) {}

  /** A calendar feed that needs attention. */
  public record FeedAlert(String unit, String source, String status, String error, String href) {}

  /** One guest's conversation: the transcript and the answer and release forms. */
  public record TranscriptView(
      Frame frame,
      String waId,
      String guest,
      boolean waiting,
      String handoffUntil,
      List<MessageRow> messages,
      String replyAction,
      String releaseAction) {}

  /** One message: from the guest or to them, when, what (a voice note's transcript), its state. */
  public record MessageRow(
      boolean fromGuest, String at, String text, String transcript, String status) {}
}
