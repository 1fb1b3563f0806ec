package ar.booking.messaging.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to send e-mail.
 *
 * @param user {@code null} for a server without authentication
 * @param from the sender address (may include a display name: {@code "Cabañas <r@x.com>"})
 * @param startTls require STARTTLS before authenticating
 * @param timeout connect, read and write timeout of one send
 */
public record SmtpSettings(
    String host,
    int port,
    String user,
    String password,
    String from,
    boolean startTls,
    Duration timeout) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", user="
        + (user == null ? "none" : "set")
        + ", from="
        + from
        + ", startTls="
        + startTls
        + "]";
  }
}
