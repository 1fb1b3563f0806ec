package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PasswordVersionsTest {

  private static final String EMAIL = "owner@cabanas.test";
  private static final Instant CREATED = Instant.parse("2026-11-28T12:00:00.400Z");

  /** Counts reads, to show the cache saves them. */
  private static final class CountingAccounts implements OwnerAccounts {
    final OwnerAccounts delegate = new InMemoryOwnerAccounts();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public OwnerAccount add(OwnerAccount account) {
      return delegate.add(account);
    }

    @Override
    public OwnerAccount update(OwnerAccount account) {
      return delegate.update(account);
    }

    @Override
    public Optional<OwnerAccount> changePassword(String email, int expected, String hash) {
      return delegate.changePassword(email, expected, hash);
    }

    @Override
    public Optional<OwnerAccount> findByEmail(String email) {
      reads.incrementAndGet();
      return delegate.findByEmail(email);
    }

    @Override
    public long count() {
      return delegate.count();
    }
  }

  private final CountingAccounts accounts = new CountingAccounts();
  private final AtomicLong nanos = new AtomicLong();
  private final PasswordVersions versions =
      new PasswordVersions(accounts, Duration.ofSeconds(10), nanos::get);

  private static JwtTokens.Verified token(int version, Instant issuedAt) {
    return new JwtTokens.Verified(EMAIL, version, issuedAt);
  }

  @Test
  void aTokenAtTheAccountsVersionStandsAndRepeatedChecksReadOnce() {
    accounts.add(new OwnerAccount(EMAIL, "h", CREATED));
    for (int i = 0; i < 100; i++) {
      assertThat(versions.current(token(1, CREATED.plusSeconds(5)))).isTrue();
    }
    assertThat(accounts.reads).hasValue(1);
    assertThat(versions.current(token(2, CREATED.plusSeconds(5)))).isFalse();
  }

  @Test
  void aChangeMadeHereKillsOlderTokensAtOnce() {
    accounts.add(new OwnerAccount(EMAIL, "h", CREATED));
    JwtTokens.Verified old = token(1, CREATED.plusSeconds(5));
    assertThat(versions.current(old)).isTrue();

    versions.changed(accounts.changePassword(EMAIL, 1, "h2").orElseThrow());

    assertThat(versions.current(old)).isFalse();
    assertThat(versions.current(token(2, CREATED.plusSeconds(6)))).isTrue();
  }

  @Test
  void aChangeMadeElsewhereIsSeenOnceTheCacheExpires() {
    accounts.add(new OwnerAccount(EMAIL, "h", CREATED));
    JwtTokens.Verified old = token(1, CREATED.plusSeconds(5));
    assertThat(versions.current(old)).isTrue();
    accounts.changePassword(EMAIL, 1, "h2").orElseThrow(); // another instance

    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(versions.current(old)).as("still cached").isTrue();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(versions.current(old)).isFalse();
  }

  @Test
  void tokensOfAGoneAccountOrIssuedBeforeTheAccountExistedAreRefused() {
    assertThat(versions.current(token(1, CREATED))).as("no account").isFalse();
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    accounts.add(new OwnerAccount(EMAIL, "h", CREATED));
    assertThat(versions.current(token(1, CREATED.minusSeconds(1))))
        .as("issued before a re-created account")
        .isFalse();
    assertThat(versions.current(token(1, Instant.parse("2026-11-28T12:00:00Z"))))
        .as("same second: JWT times have whole seconds")
        .isTrue();
  }

  @Test
  void aReadThatStartedBeforeAChangeDoesNotPutTheOldVersionBack() {
    OwnerAccount v1 = new OwnerAccount(EMAIL, "h", CREATED);
    accounts.add(v1);
    // The change lands while a slow read of version 1 is on its way.
    versions.changed(accounts.changePassword(EMAIL, 1, "h2").orElseThrow());
    accounts.update(v1); // what the slow read will see
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(versions.current(token(1, CREATED.plusSeconds(5)))).isFalse();
  }
}
