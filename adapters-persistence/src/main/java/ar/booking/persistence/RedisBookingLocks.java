package ar.booking.persistence;

import ar.booking.core.ports.BookingLocks;
import ar.booking.core.shared.AccommodationId;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-unit lock in Redis: {@code SET key token NX PX ttl}, released by a Lua compare-and-delete
 * so only the holder can release it, and expiring on its own after a short TTL. An optimisation
 * only: when Redis cannot be reached {@link #tryAcquire} answers empty within the command timeout,
 * counts the failure and the booking goes on under the database constraint.
 */
public final class RedisBookingLocks implements BookingLocks, AutoCloseable {

  /** Commands give up after this long, so a dead Redis costs a booking at most this much. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

  private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(1);
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1])"
          + " else return 0 end";
  private static final Logger LOG = LoggerFactory.getLogger(RedisBookingLocks.class);

  private final RedisClient client;
  private final String keyPrefix;
  private final Duration ttl;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicBoolean healthy = new AtomicBoolean(false);
  private final Object connecting = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextConnectAttemptNanos;

  private RedisBookingLocks(RedisClient client, String keyPrefix, Duration ttl) {
    this.client = client;
    this.keyPrefix = keyPrefix;
    this.ttl = ttl;
  }

  /**
   * Creates the locks and tries to connect. An unreachable Redis is not an error here: the locks
   * report unhealthy and reconnect later.
   */
  public static RedisBookingLocks connect(
      String redisUrl, String password, String keyPrefix, Duration ttl) {
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("lock TTL must be positive");
    }
    RedisURI.Builder builder = RedisURI.builder(RedisURI.create(redisUrl));
    if (password != null && !password.isEmpty()) {
      builder.withPassword(password.toCharArray());
    }
    RedisURI uri = builder.withTimeout(COMMAND_TIMEOUT).build();
    RedisClient client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
            .build());
    RedisBookingLocks locks =
        new RedisBookingLocks(client, keyPrefix == null ? "" : keyPrefix, ttl);
    locks.commands();
    return locks;
  }

  @Override
  public Optional<Lease> tryAcquire(AccommodationId unit, Duration wait) {
    String key = keyPrefix + "lock:unit:" + unit.value();
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    long pauseMicros = 500;
    while (true) {
      RedisCommands<String, String> redis = commands();
      if (redis == null) {
        return Optional.empty();
      }
      try {
        if ("OK".equals(redis.set(key, token, SetArgs.Builder.nx().px(ttl.toMillis())))) {
          healthy.set(true);
          return Optional.of(new RedisLease(key, token));
        }
        healthy.set(true);
      } catch (RuntimeException failure) {
        backendFailed("acquire", failure);
        return Optional.empty();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty(); // busy past the wait: the caller goes on without it
      }
      long pause = ThreadLocalRandom.current().nextLong(pauseMicros / 2, pauseMicros + 1) * 1000;
      LockSupport.parkNanos(Math.min(pause, left));
      if (Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      pauseMicros = Math.min(pauseMicros * 2, 20_000);
    }
  }

  /** True when Redis answers a PING now. */
  public boolean healthy() {
    RedisCommands<String, String> redis = commands();
    if (redis == null) {
      return false;
    }
    try {
      boolean ok = "PONG".equals(redis.ping());
      healthy.set(ok);
      return ok;
    } catch (RuntimeException failure) {
      backendFailed("ping", failure);
      return false;
    }
  }

  /** How many Redis operations failed since start (timeouts, refused connections, errors). */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      return open.sync();
    }
    synchronized (connecting) {
      if (connection != null) {
        return connection.sync();
      }
      if (System.nanoTime() - nextConnectAttemptNanos < 0) {
        failures.incrementAndGet();
        return null; // recently failed: do not hammer a dead server on every booking
      }
      try {
        connection = client.connect();
        healthy.set(true);
        return connection.sync();
      } catch (RuntimeException failure) {
        nextConnectAttemptNanos = System.nanoTime() + RECONNECT_BACKOFF.toNanos();
        backendFailed("connect", failure);
        return null;
      }
    }
  }

  private void backendFailed(String operation, RuntimeException failure) {
    failures.incrementAndGet();
    if (healthy.getAndSet(false)) {
      LOG.warn(
          "Redis lock {} failed, booking goes on under the database constraint: {}",
          operation,
          failure.toString());
    }
  }

  /** A held lock; released by compare-and-delete so an expired-and-retaken lock is left alone. */
  private final class RedisLease implements Lease {
    private final String key;
    private final String token;
    private final AtomicBoolean open = new AtomicBoolean(true);

    RedisLease(String key, String token) {
      this.key = key;
      this.token = token;
    }

    @Override
    public void close() {
      if (!open.compareAndSet(true, false)) {
        return;
      }
      RedisCommands<String, String> redis = commands();
      if (redis == null) {
        return; // the TTL frees it
      }
      try {
        redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
      } catch (RuntimeException failure) {
        backendFailed("release", failure);
      }
    }
  }
}
