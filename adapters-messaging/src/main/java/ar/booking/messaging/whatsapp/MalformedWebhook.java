package ar.booking.messaging.whatsapp;

/** The body of a webhook POST is not a JSON object: answer 400, store nothing. */
public final class MalformedWebhook extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedWebhook(String message, Throwable cause) {
    super(message, cause);
  }
}
