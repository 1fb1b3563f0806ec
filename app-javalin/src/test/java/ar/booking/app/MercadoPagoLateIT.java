package ar.booking.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Approved payments for holds that expired: confirmed when the nights are still free; otherwise
 * flagged for the owner ({@code PAYMENT_LATE_POLICY=owner}) or refunded at once ({@code refund}).
 * The hold expiry job runs every second (the schedule is PostgreSQL's clock); it expires holds by
 * the app's clock, which the test moves.
 */
class MercadoPagoLateIT {

  /** Two holds paid late: A's nights still free, B's taken by another hold meanwhile. */
  private record Late(String free, String taken, String freeId, String takenId) {}

  private static Late payLate(MercadoPagoFixture f) throws Exception {
    long unit = f.unit();
    LocalDate in = LocalDate.now().plusDays(40);
    JsonNode a = f.hold(unit, in, in.plusDays(2));
    JsonNode b = f.hold(unit, in.plusDays(10), in.plusDays(13));
    String amountA = f.link(a.get("code").asText()).get("amount").asText();
    String amountB = f.link(b.get("code").asText()).get("amount").asText();

    f.clock.advance(Duration.ofMinutes(45));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.status(b.get("code").asText()).equals("expired"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.status(a.get("code").asText()).equals("expired"));
    f.hold(unit, in.plusDays(11), in.plusDays(12)); // someone else holds B's nights

    Late late =
        new Late(a.get("code").asText(), b.get("code").asText(), "8100000001", "8100000002");
    f.mp.payment(late.freeId(), "approved", late.free(), amountA, "ARS");
    f.mp.payment(late.takenId(), "approved", late.taken(), amountB, "ARS");
    f.notify(late.freeId(), "payment.created");
    f.notify(late.takenId(), "payment.created");
    f.process();
    return late;
  }

  @Test
  void ownerPolicyConfirmsFreeNightsAndFlagsTakenOnes() throws Exception {
    try (MercadoPagoFixture f =
        new MercadoPagoFixture(env -> env.put("JOB_EXPIRATION_INTERVAL_SECONDS", "1"))) {
      Late late = payLate(f);

      await().atMost(Duration.ofSeconds(10)).until(() -> f.status(late.free()).equals("confirmed"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !f.events(late.taken(), "PAYMENT_ANOMALY").isEmpty());
      assertThat(f.status(late.taken())).isEqualTo("expired");
      assertThat(f.events(late.taken(), "PAYMENT_ANOMALY"))
          .extracting(e -> e.get("kind").asText())
          .containsExactly("late");
      assertThat(
              f.count("SELECT count(*) FROM payment_flag WHERE reservation_code = ?", late.taken()))
          .isEqualTo(1);
      assertThat(f.mp.refundKeys).isEmpty();
      assertThat(f.metrics())
          .containsPattern("payments_late_total\\{outcome=\"confirmed\"} 1")
          .containsPattern("payments_late_total\\{outcome=\"owner\"} 1");
    }
  }

  @Test
  void refundPolicyGivesTheMoneyBackOnceAndTellsTheGuest() throws Exception {
    try (MercadoPagoFixture f =
        new MercadoPagoFixture(
            env -> {
              env.put("PAYMENT_LATE_POLICY", "refund");
              env.put("JOB_EXPIRATION_INTERVAL_SECONDS", "1");
            })) {
      Late late = payLate(f);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !f.events(late.taken(), "PAYMENT_ANOMALY").isEmpty());
      assertThat(f.status(late.free())).isEqualTo("confirmed");
      assertThat(f.status(late.taken())).isEqualTo("expired");
      assertThat(f.mp.refundKeys).containsExactly("late-refund:" + late.takenId());
      assertThat(f.events(late.taken(), "PAYMENT_ANOMALY"))
          .extracting(e -> e.get("kind").asText())
          .containsExactly("late_refunded");
      assertThat(f.reservation(late.taken()).get("payments").get(0).get("status").asText())
          .isEqualTo("refunded");

      // Mercado Pago then notifies the refund: nothing new happens
      f.notify(late.takenId(), "payment.updated");
      f.process();
      assertThat(f.mp.refundKeys).hasSize(1);
      assertThat(f.events(late.taken(), "PAYMENT_ANOMALY")).hasSize(1);
      assertThat(f.metrics()).containsPattern("payments_late_total\\{outcome=\"refunded\"} 1");
    }
  }
}
