package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.owner.OwnerAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link OwnerAccounts} implementation guarantees. */
public abstract class OwnerAccountsContract {

  protected abstract OwnerAccounts accounts();

  private static String email() {
    return "owner-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void accountIsFoundByEmailIgnoringCase() {
    OwnerAccounts accounts = accounts();
    String email = email();
    OwnerAccount account = accounts.add(new OwnerAccount(email, "$2a$12$hash", NOW));
    assertThat(accounts.findByEmail(email.toUpperCase())).contains(account);
    assertThat(accounts.findByEmail(email())).isEmpty();
  }

  @Test
  void anEmailHasOneAccount() {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "h1", NOW));
    assertThatThrownBy(() -> accounts.add(new OwnerAccount(email.toUpperCase(), "h2", NOW)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updateReplacesThePasswordHash() {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "old", NOW));
    accounts.update(new OwnerAccount(email, "new", NOW));
    assertThat(accounts.findByEmail(email).orElseThrow().passwordHash()).isEqualTo("new");
    assertThatThrownBy(() -> accounts.update(new OwnerAccount(email(), "x", NOW)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void countCountsAccounts() {
    OwnerAccounts accounts = accounts();
    long before = accounts.count();
    accounts.add(new OwnerAccount(email(), "h", NOW));
    assertThat(accounts.count()).isEqualTo(before + 1);
  }

  @Test
  void aNewAccountIsAtTheFirstPasswordVersion() {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "h", NOW));
    assertThat(accounts.findByEmail(email).orElseThrow().passwordVersion()).isEqualTo(1);
  }

  @Test
  void changingThePasswordStoresTheHashAndTheNextVersion() {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "old", NOW));

    OwnerAccount changed = accounts.changePassword(email.toUpperCase(), 1, "new").orElseThrow();

    assertThat(changed.passwordHash()).isEqualTo("new");
    assertThat(changed.passwordVersion()).isEqualTo(2);
    assertThat(changed.createdAt()).isEqualTo(NOW);
    assertThat(accounts.findByEmail(email)).contains(changed);
  }

  @Test
  void aPasswordChangeFromAStaleVersionChangesNothing() {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "old", NOW));
    accounts.changePassword(email, 1, "first").orElseThrow();

    assertThat(accounts.changePassword(email, 1, "second")).isEmpty();
    assertThat(accounts.findByEmail(email).orElseThrow())
        .extracting(OwnerAccount::passwordHash, OwnerAccount::passwordVersion)
        .containsExactly("first", 2);
    assertThat(accounts.changePassword(email(), 1, "nobody")).isEmpty();
  }

  @Test
  void ofTwoConcurrentChangesFromTheSameVersionExactlyOneWins() throws Exception {
    OwnerAccounts accounts = accounts();
    String email = email();
    accounts.add(new OwnerAccount(email, "old", NOW));
    int racers = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Optional<OwnerAccount>>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String hash = "h" + i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return accounts.changePassword(email, 1, hash);
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Optional<OwnerAccount>> result : results) {
        winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(accounts.findByEmail(email).orElseThrow().passwordVersion()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
