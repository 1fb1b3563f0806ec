package ar.booking.core.conversation.dialog;

import ar.booking.core.stay.StayRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the guest dialog.
 *
 * @param handoff how long the bot stays silent after a handoff to a person (default 24 hours)
 * @param offerTtl how long an offered option can be picked (default 30 minutes)
 * @param cancelNoticeDays a confirmed booking can be cancelled by the guest in the dialog until
 *     this many days before check-in (default 2); holds can always be cancelled
 * @param stayRules the longest stay the dialog accepts (the booking engine's rules)
 */
public record DialogSettings(
    Duration handoff, Duration offerTtl, int cancelNoticeDays, StayRules stayRules) {

  public static final DialogSettings DEFAULT =
      new DialogSettings(Duration.ofHours(24), Duration.ofMinutes(30), 2, StayRules.DEFAULT);

  public DialogSettings {
    Objects.requireNonNull(handoff, "handoff");
    Objects.requireNonNull(offerTtl, "offerTtl");
    Objects.requireNonNull(stayRules, "stayRules");
    if (handoff.isNegative() || handoff.isZero() || offerTtl.isNegative() || offerTtl.isZero()) {
      throw new IllegalArgumentException("handoff and offer time-to-live must be positive");
    }
    if (cancelNoticeDays < 0) {
      throw new IllegalArgumentException("cancel notice must not be negative");
    }
  }

  /** These settings with a handoff of {@code hours} hours (WHATSAPP_HANDOFF_HOURS). */
  public DialogSettings withHandoffHours(int hours) {
    return new DialogSettings(Duration.ofHours(hours), offerTtl, cancelNoticeDays, stayRules);
  }
}
