package ar.booking.persistence;

import ar.booking.core.ports.OwnerAccounts;
import ar.booking.core.ports.OwnerAccountsContract;

class PostgresOwnerAccountsIT extends OwnerAccountsContract {

  @Override
  protected OwnerAccounts accounts() {
    return SharedStores.get().ownerAccounts();
  }
}
