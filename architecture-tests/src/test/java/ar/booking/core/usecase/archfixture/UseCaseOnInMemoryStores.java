package ar.booking.core.usecase.archfixture;

import ar.booking.core.memory.InMemoryStores;

/** A planted violation: a use case wired to the in-memory stores. Only used by the rule test. */
public class UseCaseOnInMemoryStores {
  private final InMemoryStores stores = InMemoryStores.create();

  public int units() {
    return stores.accommodations().findAll().size();
  }
}
