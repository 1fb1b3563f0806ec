package ar.booking.core.calendarsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedSafetyTest {

  @Test
  void theFirstFetchIsAlwaysSafe() {
    assertThat(FeedSafety.judge(0, 0)).isInstanceOf(FeedSafety.Safe.class);
    assertThat(FeedSafety.judge(0, 12)).isInstanceOf(FeedSafety.Safe.class);
  }

  @Test
  void anEmptyFeedAfterANonEmptyOneIsSuspicious() {
    assertThat(FeedSafety.judge(1, 0))
        .isInstanceOfSatisfying(
            FeedSafety.Suspicious.class, s -> assertThat(s.reason()).contains("empty"));
  }

  @Test
  void aFeedThatShrankByMoreThanHalfIsSuspicious() {
    assertThat(FeedSafety.judge(5, 2))
        .isInstanceOfSatisfying(
            FeedSafety.Suspicious.class, s -> assertThat(s.reason()).contains("5 to 2"));
    assertThat(FeedSafety.judge(3, 1)).isInstanceOf(FeedSafety.Suspicious.class);
  }

  @Test
  void shrinkingByHalfOrLessIsNormal() {
    assertThat(FeedSafety.judge(4, 2)).isInstanceOf(FeedSafety.Safe.class);
    assertThat(FeedSafety.judge(2, 1)).isInstanceOf(FeedSafety.Safe.class);
    assertThat(FeedSafety.judge(4, 9)).isInstanceOf(FeedSafety.Safe.class);
  }
}
