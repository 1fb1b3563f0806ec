package ar.booking.core.calendarsync;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.shared.AccommodationId;
import java.util.Objects;
import java.util.Optional;

/** A new export URL for a unit (a leaked one stops working at once). */
public final class RotateExportToken {

  private final Accommodations accommodations;
  private final Transactions transactions;
  private final ExportTokens tokens;

  public RotateExportToken(
      Accommodations accommodations, Transactions transactions, ExportTokens tokens) {
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** What came of it. */
  public sealed interface Result permits Rotated, UnknownUnit {}

  /** The unit at its new token version, and the new token for its export URL. */
  public record Rotated(Accommodation unit, String token) implements Result {}

  public record UnknownUnit(AccommodationId unit) implements Result {}

  public Result execute(AccommodationId unit) {
    return transactions.inTransaction(
        () -> {
          Optional<Accommodation> found = accommodations.find(unit);
          if (found.isEmpty()) {
            return new UnknownUnit(unit);
          }
          Accommodation rotated = accommodations.update(found.get().withNextExportToken());
          return new Rotated(rotated, tokens.tokenFor(rotated));
        });
  }
}
