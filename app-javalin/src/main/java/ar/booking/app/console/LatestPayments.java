package ar.booking.app.console;

import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.Payments;
import java.util.List;

/** The console's "últimos pagos": the latest payments of every booking, orphans included. */
public final class LatestPayments implements ConsoleData.PaymentSource {

  private final Payments payments;

  public LatestPayments(Payments payments) {
    this.payments = payments;
  }

  @Override
  public List<ConsoleData.PaymentLine> latest(int limit) {
    return payments.latest(limit).stream().map(LatestPayments::line).toList();
  }

  private static ConsoleData.PaymentLine line(Payment p) {
    return new ConsoleData.PaymentLine(
        p.reservationCode() == null ? null : p.reservationCode().value(),
        p.provider() == PaymentProvider.MANUAL ? "Efectivo / a mano" : "Mercado Pago",
        Labels.money(p.amount()),
        Labels.payment(p.status()),
        p.updatedAt() == null ? p.createdAt() : p.updatedAt());
  }
}
