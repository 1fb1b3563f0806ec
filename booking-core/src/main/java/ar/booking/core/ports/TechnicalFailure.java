package ar.booking.core.ports;

/**
 * A technical failure behind a port (database, cache, remote service). Adapters translate their
 * library's exceptions into this hierarchy so none crosses a port. {@link #retryable()} says
 * whether the same call may succeed later with nothing half-done.
 */
public class TechnicalFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public TechnicalFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
