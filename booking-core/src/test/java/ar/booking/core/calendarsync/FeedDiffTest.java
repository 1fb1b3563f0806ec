package ar.booking.core.calendarsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDiffTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final Instant SEEN = Instant.parse("2026-11-20T12:00:00Z");

  private static FeedEvent event(String uid, String in, String out) {
    return FeedEvent.of(uid, in, out, "Reserved");
  }

  private static ImportedEvent held(String uid, String in, String out) {
    return held(uid, in, out, 0);
  }

  private static ImportedEvent held(String uid, String in, String out, int misses) {
    return held(uid, in, out, misses, "Reserved");
  }

  private static ImportedEvent held(String uid, String in, String out, int misses, String summary) {
    return new ImportedEvent(
        uid, StayPeriod.parse(in, out), summary, ReservationCode.random(), misses, SEEN, SEEN);
  }

  private static FeedDiff.Plan plan(List<FeedEvent> fetched, List<ImportedEvent> held) {
    return FeedDiff.plan(fetched, held, TODAY, 2);
  }

  @Test
  void anEventWeDoNotHoldIsAdded() {
    FeedEvent stay = event("a@airbnb.com", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan = plan(List.of(stay), List.of());

    assertThat(plan.added()).containsExactly(stay);
    assertThat(plan.changed()).isEmpty();
    assertThat(plan.present()).isEqualTo(1);
  }

  @Test
  void anEventSeenAgainExactlyWritesNothing() {
    ImportedEvent a = held("a@airbnb.com", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan =
        plan(List.of(event("a@airbnb.com", "2026-12-10", "2026-12-13")), List.of(a));

    assertThat(plan.unchanged()).containsExactly(a);
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void anEventWithNewDatesUnderItsUidMovesInPlace() {
    ImportedEvent a = held("a@airbnb.com", "2026-12-10", "2026-12-13");
    FeedEvent moved = event("a@airbnb.com", "2026-12-11", "2026-12-15");

    FeedDiff.Plan plan = plan(List.of(moved), List.of(a));

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(a, moved, true));
    assertThat(plan.added()).isEmpty();
    assertThat(plan.released()).isEmpty();
  }

  @Test
  void aVanishedEventIsMissedOnceThenReleasedAtTheSecondMiss() {
    ImportedEvent a = held("a@vrbo.com", "2026-12-10", "2026-12-13");
    FeedEvent other = event("b@vrbo.com", "2027-01-10", "2027-01-13");
    ImportedEvent b = held("b@vrbo.com", "2027-01-10", "2027-01-13");

    FeedDiff.Plan first = plan(List.of(other), List.of(a, b));
    assertThat(first.missed()).singleElement().satisfies(m -> assertThat(m.misses()).isEqualTo(1));
    assertThat(first.released()).isEmpty();

    FeedDiff.Plan second = plan(List.of(other), List.of(first.missed().getFirst(), b));
    assertThat(second.released())
        .containsExactly(
            new FeedDiff.Release(first.missed().getFirst(), FeedDiff.ReleaseReason.VANISHED));
    assertThat(second.missed()).isEmpty();
  }

  @Test
  void theReleaseThresholdIsASetting() {
    ImportedEvent a = held("a@vrbo.com", "2026-12-10", "2026-12-13", 1);

    assertThat(FeedDiff.plan(List.of(), List.of(a), TODAY, 3).missed())
        .singleElement()
        .satisfies(m -> assertThat(m.misses()).isEqualTo(2));
    assertThat(FeedDiff.plan(List.of(), List.of(a), TODAY, 1).released()).hasSize(1);
    assertThatThrownBy(() -> FeedDiff.plan(List.of(), List.of(), TODAY, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventThatComesBackForgetsItsMisses() {
    ImportedEvent a = held("a@vrbo.com", "2026-12-10", "2026-12-13", 1);
    FeedEvent again = event("a@vrbo.com", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan = plan(List.of(again), List.of(a));

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(a, again, false));
  }

  @Test
  void aCancelledEventIsReleasedAtOnce() {
    ImportedEvent a = held("a@airbnb.com", "2026-12-10", "2026-12-13");
    FeedEvent cancelled =
        new FeedEvent("a@airbnb.com", StayPeriod.parse("2026-12-10", "2026-12-13"), "", true);

    FeedDiff.Plan plan = plan(List.of(cancelled), List.of(a));

    assertThat(plan.released())
        .containsExactly(new FeedDiff.Release(a, FeedDiff.ReleaseReason.CANCELLED));
    assertThat(plan.present()).as("a cancellation is not a broken feed").isEqualTo(1);
  }

  @Test
  void aCancelledEventWeNeverHeldIsNotAdded() {
    FeedEvent cancelled =
        new FeedEvent("x@airbnb.com", StayPeriod.parse("2026-12-10", "2026-12-13"), "", true);

    assertThat(plan(List.of(cancelled), List.of()).added()).isEmpty();
  }

  @Test
  void anEventRecreatedUnderANewUidOnTheSameDatesIsMatchedByItsDates() {
    ImportedEvent a = held("old@vrbo.com", "2026-12-10", "2026-12-13");
    FeedEvent recreated = event("new@vrbo.com", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan = plan(List.of(recreated), List.of(a));

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(a, recreated, false));
    assertThat(plan.changed().getFirst().uidChanged()).isTrue();
    assertThat(plan.added()).isEmpty();
    assertThat(plan.missed()).isEmpty();
  }

  @Test
  void anEventRecreatedUnderANewUidWithShiftedDatesIsMatchedByOverlap() {
    ImportedEvent a = held("old@vrbo.com", "2026-12-10", "2026-12-13");
    FeedEvent recreated = event("new@vrbo.com", "2026-12-11", "2026-12-14");

    FeedDiff.Plan plan = plan(List.of(recreated), List.of(a));

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(a, recreated, true));
  }

  @Test
  void exactDatesWinOverAnOverlapWhenBothCouldMatch() {
    ImportedEvent a = held("old-a", "2026-12-10", "2026-12-13");
    ImportedEvent b = held("old-b", "2026-12-13", "2026-12-16");
    FeedEvent bAgain = event("new-b", "2026-12-13", "2026-12-16");
    FeedEvent aMoved = event("new-a", "2026-12-09", "2026-12-12");

    FeedDiff.Plan plan = plan(List.of(aMoved, bAgain), List.of(a, b));

    assertThat(plan.changed())
        .containsExactlyInAnyOrder(
            new FeedDiff.Change(b, bAgain, false), new FeedDiff.Change(a, aMoved, true));
  }

  @Test
  void aUidMatchIsNeverStolenByAnotherEventsDates() {
    ImportedEvent a = held("a", "2026-12-10", "2026-12-13");
    FeedEvent aMoved = event("a", "2026-12-20", "2026-12-22");
    FeedEvent newcomer = event("b", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan = plan(List.of(aMoved, newcomer), List.of(a));

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(a, aMoved, true));
    assertThat(plan.added()).containsExactly(newcomer);
  }

  @Test
  void duplicateUidsWithTheSameDatesAreOneEvent() {
    FeedEvent first = event("dup@airbnb.com", "2026-12-10", "2026-12-13");
    FeedEvent copy = event("dup@airbnb.com", "2026-12-10", "2026-12-13");

    FeedDiff.Plan plan = plan(List.of(first, copy), List.of());

    assertThat(plan.added()).containsExactly(first);
    assertThat(plan.duplicates()).isEqualTo(1);
    assertThat(plan.present()).isEqualTo(1);
  }

  @Test
  void aDuplicateUidIsCancelledOnlyIfEveryCopyIs() {
    FeedEvent live = event("dup", "2026-12-10", "2026-12-13");
    FeedEvent cancelled = new FeedEvent("dup", live.period(), "Reserved", true);

    assertThat(plan(List.of(cancelled, live), List.of()).added()).containsExactly(live);
  }

  @Test
  void duplicateUidsWithDifferentDatesAreKeptApartByCheckIn() {
    FeedEvent first = event("dup@airbnb.com", "2026-12-10", "2026-12-13");
    FeedEvent second = event("dup@airbnb.com", "2027-01-05", "2027-01-08");

    FeedDiff.Plan plan = plan(List.of(first, second), List.of());

    assertThat(plan.added())
        .extracting(FeedEvent::uid)
        .containsExactly("dup@airbnb.com#2026-12-10", "dup@airbnb.com#2027-01-05");
  }

  @Test
  void pastEventsAreIgnoredAndHeldOnesThatEndedAreForgotten() {
    FeedEvent past = event("p", "2026-11-20", "2026-11-25");
    ImportedEvent ended = held("e", "2026-11-10", "2026-11-24");

    FeedDiff.Plan plan = plan(List.of(past), List.of(ended));

    assertThat(plan.added()).isEmpty();
    assertThat(plan.ignoredPast()).isEqualTo(1);
    assertThat(plan.forgotten()).containsExactly(ended);
    assertThat(plan.missed()).isEmpty();
    assertThat(plan.released()).isEmpty();
  }

  @Test
  void anOngoingStayIsStillImported() {
    FeedEvent ongoing = event("o", "2026-11-23", "2026-11-27");

    assertThat(plan(List.of(ongoing), List.of()).added()).containsExactly(ongoing);
  }

  @Test
  void aWindowWhoseStartFollowsTodayIsNotAChange() {
    // Airbnb's advance-notice window: [today, today + 3) every day. Held since two days ago from
    // then-today; nights before today are never compared.
    ImportedEvent window =
        held("w@airbnb.com", "2026-11-23", "2026-11-28", 0, "Airbnb (Not available)");
    FeedEvent now =
        FeedEvent.of("w@airbnb.com", "2026-11-25", "2026-11-28", "Airbnb (Not available)");

    FeedDiff.Plan plan = FeedDiff.plan(List.of(now), List.of(window), TODAY, 2);

    assertThat(plan.changed()).isEmpty();
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void aRollingWindowReKeyedEveryDayStaysOneStayChangedInPlace() {
    // Airbnb's "beyond the booking horizon" window: both ends move a day, under a new UID daily.
    ImportedEvent yesterday =
        held("w-20261124@airbnb.com", "2027-11-24", "2028-11-24", 0, "Airbnb (Not available)");
    FeedEvent today =
        FeedEvent.of("w-20261125@airbnb.com", "2027-11-25", "2028-11-25", "Airbnb (Not available)");

    FeedDiff.Plan plan = FeedDiff.plan(List.of(today), List.of(yesterday), TODAY, 2);

    assertThat(plan.changed()).containsExactly(new FeedDiff.Change(yesterday, today, true));
    assertThat(plan.added()).isEmpty();
    assertThat(plan.released()).isEmpty();
    assertThat(plan.missed()).isEmpty();
  }

  @Test
  void aNewSummaryAloneIsAChangeWithoutNewNights() {
    ImportedEvent a = held("a", "2026-12-10", "2026-12-13");
    FeedEvent renamed = FeedEvent.of("a", "2026-12-10", "2026-12-13", "Blocked");

    assertThat(plan(List.of(renamed), List.of(a)).changed())
        .containsExactly(new FeedDiff.Change(a, renamed, false));
  }

  @Test
  void aNotModifiedFetchMissesAgainWhatTheLastBodyMissed() {
    ImportedEvent present = held("p", "2026-12-10", "2026-12-13");
    ImportedEvent missing = held("m", "2026-12-20", "2026-12-23", 1);
    ImportedEvent ended = held("e", "2026-11-01", "2026-11-03");

    FeedDiff.Plan plan = FeedDiff.notModified(List.of(present, missing, ended), TODAY, 2);

    assertThat(plan.unchanged()).containsExactly(present);
    assertThat(plan.released())
        .containsExactly(new FeedDiff.Release(missing, FeedDiff.ReleaseReason.VANISHED));
    assertThat(plan.forgotten()).containsExactly(ended);
    assertThat(FeedDiff.notModified(List.of(missing), TODAY, 3).missed())
        .singleElement()
        .satisfies(m -> assertThat(m.misses()).isEqualTo(2));
  }
}
