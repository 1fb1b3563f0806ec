package ar.booking.app.console;

import static ar.booking.app.console.ConsoleApi.ROOT;
import static ar.booking.app.console.ConsoleApi.STAYS;

import ar.booking.app.http.Actors;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.ResolveConflict;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.BlockDates;
import ar.booking.core.usecase.CancelReservation;
import ar.booking.core.usecase.UnblockDates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stay's page and its actions, through the same use cases as the admin JSON API: a cash payment
 * is {@link RecordPayment} with {@code MANUAL} (confirms the hold), cancel is {@link
 * CancelReservation}, unblock is {@link UnblockDates}.
 */
final class StayPages {

  private static final Logger log = LoggerFactory.getLogger(StayPages.class);

  private final ConsoleServices services;
  private final Pages pages;

  StayPages(ConsoleServices services, Pages pages) {
    this.services = services;
    this.pages = pages;
  }

  void addTo(RoutesConfig routes) {
    routes.get(STAYS + "/{code}", this::page);
    routes.post(STAYS + "/{code}/pay", this::pay);
    routes.post(STAYS + "/{code}/cancel", this::cancel);
    routes.post(STAYS + "/{code}/link", this::link);
    routes.post(STAYS + "/{code}/unblock", this::unblock);
    routes.post(STAYS + "/{code}/conflicts/{id}/resolve", this::resolve);
  }

  private void page(Context ctx) {
    show(ctx, find(ctx), ConsoleApi.frame(ctx, "Estadía", "grid"));
  }

  private void show(Context ctx, Reservation r, Views.Frame frame) {
    Optional<Accommodation> unit = services.accommodations().find(r.accommodationId());
    List<FeedConflict> conflicts =
        services.calendarSync().feeds().conflicts(Optional.of(r.accommodationId()), true);
    List<Views.ConflictRow> open =
        conflicts.stream()
            .filter(
                c ->
                    c.ours().contains(r.code())
                        || (r.externalUid() != null && r.externalUid().equals(c.uid())))
            .map(
                c ->
                    new Views.ConflictRow(
                        c.id(),
                        Labels.source(c.source().channel())
                            + " trae una estadía del "
                            + Labels.date(c.period().checkIn())
                            + " al "
                            + Labels.date(c.period().checkOut())
                            + " sobre estas noches"))
            .toList();
    boolean conflict = !open.isEmpty();
    List<Views.PaymentRow> payments =
        services.payments().ofReservation(r.code()).stream()
            .sorted(Comparator.comparing(Payment::createdAt))
            .map(
                p ->
                    new Views.PaymentRow(
                        Labels.dateTime(p.createdAt(), services.zone()),
                        p.provider() == PaymentProvider.MANUAL
                            ? "Efectivo / a mano"
                            : "Mercado Pago",
                        Labels.money(p.amount()),
                        Labels.payment(p.status()),
                        p.providerPaymentId()))
            .toList();
    boolean guest = r.kind() == OccupancyKind.GUEST_BOOKING;
    boolean payable =
        guest
            && r.quote() != null
            && (r.status() == ReservationStatus.PRE_RESERVED
                || r.status() == ReservationStatus.EXPIRED
                || r.status() == ReservationStatus.CONFIRMED);
    ConsoleApi.html(
        ctx,
        pages,
        "stay.jte",
        new Views.StayView(
            new Views.Frame(
                "Estadía " + r.code().value(),
                frame.nav(),
                frame.email(),
                frame.csrf(),
                frame.notice(),
                frame.error()),
            r.code().value(),
            unit.map(Accommodation::name).orElse("unidad " + r.accommodationId().value()),
            Labels.kind(r),
            Labels.css(r.kind(), r.status(), r.channel()),
            Labels.status(r.status()),
            Labels.date(r.period().checkIn()),
            Labels.date(r.period().checkOut()),
            r.period().nights(),
            r.contact().displayName().orElse(""),
            Optional.ofNullable(r.contact().phone())
                .or(() -> Optional.ofNullable(r.contact().whatsappId()))
                .orElse(""),
            Optional.ofNullable(r.contact().email()).orElse(""),
            Labels.source(r.channel()),
            r.status() == ReservationStatus.PRE_RESERVED
                ? Labels.dateTime(r.holdExpiresAt(), services.zone())
                : "",
            r.quote() == null ? "" : Labels.money(r.quote().total()),
            r.quote() == null ? "" : Labels.money(r.quote().deposit()),
            r.amountPaid() == null ? "" : Labels.money(r.amountPaid()),
            r.currency().map(c -> c.getCurrencyCode()).orElse(""),
            r.note(),
            conflict,
            open,
            payments,
            payable,
            guest
                && (r.status() == ReservationStatus.PRE_RESERVED
                    || r.status() == ReservationStatus.CONFIRMED),
            r.kind() == OccupancyKind.OWNER_BLOCK && r.status() == ReservationStatus.BLOCKED,
            r.period().checkIn().toString(),
            r.period().checkOut().minusDays(1).toString(),
            YearMonth.from(r.period().checkIn()).toString(),
            r.status() == ReservationStatus.PRE_RESERVED
                && services.data().paymentLinks().isPresent(),
            Optional.ofNullable(ctx.<String>attribute(LINK)).orElse("")));
  }

  private static final String LINK = "console.link";

  private void link(Context ctx) {
    Reservation r = find(ctx);
    var issue = services.data().paymentLinks().orElseThrow(() -> ConsoleApi.Halt.page(404, ""));
    Views.Frame frame = ConsoleApi.frame(ctx, "Estadía", "grid");
    switch (issue.issue(r.code())) {
      case IssuePaymentLink.Issued issued -> {
        log.info("Console payment link for {} by {}", r.code().value(), Actors.current(ctx));
        ctx.attribute(LINK, issued.link().url());
        show(
            ctx,
            r,
            new Views.Frame(
                frame.title(),
                frame.nav(),
                frame.email(),
                frame.csrf(),
                ConsoleApi.NOTICES.get("link-issued"),
                null));
      }
      case IssuePaymentLink.NotPayable notPayable -> {
        ctx.status(409);
        show(
            ctx,
            r,
            new Views.Frame(
                frame.title(),
                frame.nav(),
                frame.email(),
                frame.csrf(),
                null,
                "No se puede cobrar esta reserva: " + notPayable.reason()));
      }
      case IssuePaymentLink.GatewayDown down -> {
        ctx.status(503);
        show(
            ctx,
            r,
            new Views.Frame(
                frame.title(),
                frame.nav(),
                frame.email(),
                frame.csrf(),
                null,
                "Mercado Pago no responde ahora. Probá de nuevo en un rato."));
      }
    }
  }

  private void pay(Context ctx) {
    Reservation r = find(ctx);
    String actor = Actors.current(ctx);
    Optional<BigDecimal> amount = amount(ctx.formParam("amount"));
    if (r.quote() == null) {
      error(ctx, r, "Sólo se cobran reservas de huéspedes.");
      return;
    }
    if (amount.isEmpty()) {
      error(ctx, r, "Escribí el monto recibido: un número mayor que cero, como 15000 o 15000,50.");
      return;
    }
    String reference = Optional.ofNullable(ctx.formParam("reference")).orElse("").strip();
    if (reference.length() > 100) {
      error(ctx, r, "La referencia tiene que tener como mucho 100 caracteres.");
      return;
    }
    Money paid = new Money(amount.get(), r.quote().total().currency());
    var command =
        new RecordPayment.Command(
            r.code(),
            PaymentProvider.MANUAL,
            reference.isEmpty() ? "consola-" + UUID.randomUUID() : reference,
            paid,
            PaymentStatus.APPROVED,
            null,
            RecordPayment.ConfirmWhen.ALWAYS,
            actor);
    switch (services.recordPayment().execute(command)) {
      case RecordPayment.Recorded recorded -> {
        log.info(
            "Console cash payment of {} on {} by {}: {}",
            paid,
            r.code(),
            actor,
            recorded.confirmation());
        String notice =
            recorded.confirmation() == RecordPayment.Confirmation.NIGHTS_TAKEN
                ? "paid-nights-taken"
                : "paid";
        throw ConsoleApi.Halt.redirect(STAYS + "/" + r.code().value() + "?notice=" + notice);
      }
      case RecordPayment.NotFound notFound -> throw notFound();
      case RecordPayment.NotPayable notPayable ->
          error(
              ctx,
              r,
              "Esta reserva está "
                  + Labels.status(notPayable.status()).toLowerCase()
                  + ": no se le puede registrar un pago.");
      case RecordPayment.CurrencyMismatch mismatch ->
          error(ctx, r, "El pago tiene que ser en " + mismatch.expected().getCurrencyCode() + ".");
    }
  }

  private void cancel(Context ctx) {
    Reservation r = find(ctx);
    String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").strip();
    if (reason.length() > 2000) {
      error(ctx, r, "El motivo tiene que tener como mucho 2000 caracteres.");
      return;
    }
    var command =
        new CancelReservation.Command(
            r.code(), reason.isEmpty() ? null : reason, Actors.current(ctx));
    switch (services.engine().cancelReservation().execute(command)) {
      case CancelReservation.Cancelled c ->
          throw ConsoleApi.Halt.redirect(STAYS + "/" + r.code().value() + "?notice=cancelled");
      case CancelReservation.AlreadyCancelled c ->
          throw ConsoleApi.Halt.redirect(STAYS + "/" + r.code().value() + "?notice=cancelled");
      case CancelReservation.NotFound n -> throw notFound();
      case CancelReservation.NotCancellable n ->
          error(
              ctx,
              r,
              "Una reserva " + Labels.status(n.status()).toLowerCase() + " no se puede cancelar.");
    }
  }

  /**
   * Lifts a block, or only the nights from {@code first} to {@code last} (both included): the block
   * is lifted and the nights outside that range are blocked again with the same note.
   */
  private void unblock(Context ctx) {
    Reservation r = find(ctx);
    Optional<LocalDate> first = date(ctx.formParam("first"));
    Optional<LocalDate> last = date(ctx.formParam("last"));
    LocalDate from = first.orElse(r.period().checkIn());
    LocalDate to = last.map(d -> d.plusDays(1)).orElse(r.period().checkOut());
    if (!from.isBefore(to)
        || from.isBefore(r.period().checkIn())
        || to.isAfter(r.period().checkOut())) {
      error(
          ctx,
          r,
          "Elegí noches dentro del bloqueo: del "
              + Labels.date(r.period().checkIn())
              + " al "
              + Labels.date(r.period().checkOut().minusDays(1))
              + ".");
      return;
    }
    String actor = Actors.current(ctx);
    switch (services.engine().unblockDates().execute(new UnblockDates.Command(r.code(), actor))) {
      case UnblockDates.Unblocked u -> {
        boolean kept = true;
        for (StayPeriod rest : remainder(r.period(), from, to)) {
          var again = new BlockDates.Command(r.accommodationId(), rest, r.note(), actor);
          kept &= services.engine().blockDates().execute(again) instanceof BlockDates.Blocked;
        }
        throw ConsoleApi.Halt.redirect(
            ROOT
                + "?month="
                + YearMonth.from(from)
                + "&notice="
                + (kept ? "unblocked" : "unblocked-rest-taken"));
      }
      case UnblockDates.NotFound n -> throw notFound();
      case UnblockDates.NotABlock n -> error(ctx, r, "Esto no es un bloqueo tuyo vigente.");
    }
  }

  /** The nights of {@code period} outside {@code [from, to)}, as at most two periods. */
  static List<StayPeriod> remainder(StayPeriod period, LocalDate from, LocalDate to) {
    List<StayPeriod> rest = new java.util.ArrayList<>();
    if (period.checkIn().isBefore(from)) {
      rest.add(new StayPeriod(period.checkIn(), from));
    }
    if (to.isBefore(period.checkOut())) {
      rest.add(new StayPeriod(to, period.checkOut()));
    }
    return rest;
  }

  private static Optional<LocalDate> date(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of(LocalDate.MIN); // outside any block: refused above
    }
  }

  /** The owner decided (moved the guest, refunded, cancelled on the other side): closes it. */
  private void resolve(Context ctx) {
    Reservation r = find(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw notFound();
    }
    String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
    if (note.length() > 500) {
      error(ctx, r, "La nota tiene que tener como mucho 500 caracteres.");
      return;
    }
    var command =
        new ResolveConflict.Command(id, note.isEmpty() ? null : note, Actors.current(ctx));
    switch (services.calendarSync().resolveConflict().execute(command)) {
      case ResolveConflict.Resolved resolved ->
          throw ConsoleApi.Halt.redirect(
              STAYS + "/" + r.code().value() + "?notice=conflict-resolved");
      case ResolveConflict.AlreadyResolved already ->
          throw ConsoleApi.Halt.redirect(
              STAYS + "/" + r.code().value() + "?notice=conflict-resolved");
      case ResolveConflict.NotFound missing -> throw notFound();
    }
  }

  private void error(Context ctx, Reservation r, String message) {
    ctx.status(400);
    show(ctx, r, ConsoleApi.frame(ctx, "Estadía", "grid", null, message));
  }

  /** "15000", "15000.5", "15.000,50", "$ 15.000" → a positive amount with at most 2 decimals. */
  static Optional<BigDecimal> amount(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.replace("$", "").replace(" ", "").strip();
    if (s.contains(",")) {
      s = s.replace(".", "").replace(',', '.');
    } else if (s.matches("\\d{1,3}(\\.\\d{3})+")) {
      s = s.replace(".", "");
    }
    try {
      BigDecimal value = new BigDecimal(s);
      if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 2 || value.precision() > 15) {
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Reservation find(Context ctx) {
    try {
      return services
          .reservations()
          .find(ReservationCode.parse(ctx.pathParam("code")))
          .orElseThrow(this::notFound);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
  }

  private ConsoleApi.Halt notFound() {
    return ConsoleApi.Halt.page(
        404,
        pages.render(
            "message.jte",
            new Views.MessageView(
                new Views.Frame("No existe", "grid", null, "", null, null),
                "No existe esa reserva",
                "Volvé al calendario y elegí una estadía.")));
  }
}
