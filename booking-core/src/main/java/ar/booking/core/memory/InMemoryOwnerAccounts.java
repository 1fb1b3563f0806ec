package ar.booking.core.memory;

import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** {@link OwnerAccounts} in a concurrent map. */
public final class InMemoryOwnerAccounts implements OwnerAccounts {

  private final ConcurrentHashMap<String, OwnerAccount> accounts = new ConcurrentHashMap<>();

  @Override
  public OwnerAccount add(OwnerAccount account) {
    if (accounts.putIfAbsent(account.email(), account) != null) {
      throw new IllegalStateException("an account exists for " + account.email());
    }
    return account;
  }

  @Override
  public OwnerAccount update(OwnerAccount account) {
    if (accounts.replace(account.email(), account) == null) {
      throw new IllegalStateException("no account for " + account.email());
    }
    return account;
  }

  @Override
  public Optional<OwnerAccount> changePassword(
      String email, int expectedVersion, String newPasswordHash) {
    AtomicReference<OwnerAccount> changed = new AtomicReference<>();
    accounts.computeIfPresent(
        email.strip().toLowerCase(Locale.ROOT),
        (key, current) -> {
          if (current.passwordVersion() != expectedVersion) {
            return current;
          }
          OwnerAccount next = current.withPassword(newPasswordHash);
          changed.set(next);
          return next;
        });
    return Optional.ofNullable(changed.get());
  }

  @Override
  public Optional<OwnerAccount> findByEmail(String email) {
    return Optional.ofNullable(accounts.get(email.strip().toLowerCase(Locale.ROOT)));
  }

  @Override
  public long count() {
    return accounts.size();
  }
}
