package ar.booking.core.memory;

import ar.booking.core.ports.OwnerAccounts;
import ar.booking.core.ports.OwnerAccountsContract;

class InMemoryOwnerAccountsTest extends OwnerAccountsContract {
  @Override
  protected OwnerAccounts accounts() {
    return new InMemoryOwnerAccounts();
  }
}
