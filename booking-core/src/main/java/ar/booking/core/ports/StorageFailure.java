package ar.booking.core.ports;

/**
 * The system of record could not do what was asked (connection lost, pool exhausted, timeout). The
 * transaction it happened in was rolled back as a whole.
 */
public class StorageFailure extends TechnicalFailure {
  private static final long serialVersionUID = 1L;

  public StorageFailure(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }
}
