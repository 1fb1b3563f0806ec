package ar.booking.app.auth;

import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides whether a verified admin token still stands for its account: the account exists, was
 * created before the token was issued (a deleted and re-created account does not revive old
 * tokens), and its password version is the token's (a password change kills older tokens).
 *
 * <p>Accounts are cached for {@code ttl} so that a burst of requests costs one read, not one per
 * request. A change made through this instance is seen at once; one made on another instance (or in
 * the database) within {@code ttl}. Thread-safe.
 */
public final class PasswordVersions {

  /** What a token is checked against; absent accounts are cached too (as {@code null}). */
  private record Entry(OwnerAccount account, long loadedAtNanos) {}

  private final OwnerAccounts accounts;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

  public PasswordVersions(OwnerAccounts accounts, Duration ttl) {
    this(accounts, ttl, System::nanoTime);
  }

  PasswordVersions(OwnerAccounts accounts, Duration ttl, LongSupplier nanoTime) {
    this.accounts = accounts;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Whether the token's account exists, predates it and is still at the token's version. */
  public boolean current(JwtTokens.Verified token) {
    Optional<OwnerAccount> account = account(token.email());
    return account.isPresent()
        && account.get().passwordVersion() == token.passwordVersion()
        && !token.issuedAt().isBefore(account.get().createdAt().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Records an account as it is now stored (after a password change made here). */
  public void changed(OwnerAccount account) {
    cache.put(account.email(), new Entry(account, nanoTime.getAsLong()));
  }

  private static Entry newer(Entry cached, Entry loaded) {
    boolean staleLoad =
        cached.account() != null
            && loaded.account() != null
            && cached.account().passwordVersion() > loaded.account().passwordVersion();
    return staleLoad ? new Entry(cached.account(), loaded.loadedAtNanos()) : loaded;
  }

  private Optional<OwnerAccount> account(String email) {
    long now = nanoTime.getAsLong();
    Entry entry = cache.get(email);
    if (entry == null || now - entry.loadedAtNanos() >= ttlNanos) {
      Entry loaded = new Entry(accounts.findByEmail(email).orElse(null), now);
      // A read that started before a change made here must not put the older version back.
      entry = cache.merge(email, loaded, PasswordVersions::newer);
    }
    return Optional.ofNullable(entry.account());
  }
}
