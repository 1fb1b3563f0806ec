package ar.booking.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.messaging.EmailSender;
import ar.booking.core.messaging.MessageContent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP sender against GreenMail, a real SMTP server in this JVM. */
class SmtpEmailSenderTest {

  private GreenMail smtp;
  private int port;

  @BeforeEach
  void start() throws Exception {
    port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.setUser("reservas@cabanas.test", "reservas", "secreto");
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private SmtpEmailSender sender(int port) {
    return new SmtpEmailSender(
        new SmtpSettings(
            "127.0.0.1",
            port,
            "reservas",
            "secreto",
            "Cabañas del Lago <reservas@cabanas.test>",
            false,
            Duration.ofSeconds(5)));
  }

  private static final MessageContent.Email MAIL =
      new MessageContent.Email(
          "Reserva ABC123 confirmada: Cabaña del Lago",
          "Hola Ana:\n\nTu reserva está confirmada.",
          "<p>Hola Ana:</p><p>Tu reserva está <b>confirmada</b>.</p>",
          List.of(
              new MessageContent.Attachment(
                  "reserva-ABC123.ics",
                  "text/calendar; charset=UTF-8; method=PUBLISH",
                  "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8))));

  @Test
  void sendsPlainTextAndHtmlAlternativesWithTheAttachment() throws Exception {
    EmailSender.Outcome outcome = sender(port).send("ana@correo.test", MAIL);

    assertThat(outcome).isInstanceOf(EmailSender.Sent.class);
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Reserva ABC123 confirmada: Cabaña del Lago");
    assertThat(received.getFrom()[0].toString()).contains("reservas@cabanas.test");
    assertThat(received.getMessageID()).isEqualTo(((EmailSender.Sent) outcome).messageId());
    MimeMultipart mixed = (MimeMultipart) received.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent()).contains("Tu reserva está");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) alternative.getBodyPart(1).getContent()).contains("<b>confirmada</b>");
    BodyPart attachment = mixed.getBodyPart(1);
    assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachment.getFileName()).isEqualTo("reserva-ABC123.ics");
    assertThat(attachment.getContentType()).startsWith("text/calendar");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    attachment.getInputStream().transferTo(bytes);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR");
  }

  @Test
  void aServerThatIsDownIsATemporaryFailure() throws Exception {
    EmailSender.Outcome outcome = sender(freePort()).send("ana@correo.test", MAIL);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            EmailSender.Failed.class, failed -> assertThat(failed.permanent()).isFalse());
  }

  @Test
  void aMalformedRecipientIsAPermanentFailure() {
    EmailSender.Outcome outcome = sender(port).send("no es una dirección", MAIL);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            EmailSender.Failed.class, failed -> assertThat(failed.permanent()).isTrue());
  }

  @Test
  void theSandboxAcceptsWithoutSending() {
    SandboxEmailSender sandbox = new SandboxEmailSender();
    assertThat(sandbox.send("ana@correo.test", MAIL)).isInstanceOf(EmailSender.Sent.class);
    assertThat(sandbox.accepted()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
