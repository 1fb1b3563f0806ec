package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.owner.OwnerAccount;
import java.util.UUID;
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
}
