package ar.booking.messaging.mail;

import ar.booking.core.messaging.EmailSender;
import ar.booking.core.messaging.MessageContent;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends over SMTP with Jakarta Mail: a {@code multipart/mixed} message whose first part is a {@code
 * multipart/alternative} of plain text and HTML, followed by the attachments. One connection per
 * message (a lodging sends a handful a day), bounded by the timeout.
 */
public final class SmtpEmailSender implements EmailSender {

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  public SmtpEmailSender(SmtpSettings settings) {
    this.settings = settings;
    Properties props = new Properties();
    String millis = Long.toString(settings.timeout().toMillis());
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", Integer.toString(settings.port()));
    props.put("mail.smtp.connectiontimeout", millis);
    props.put("mail.smtp.timeout", millis);
    props.put("mail.smtp.writetimeout", millis);
    props.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
    props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
    Authenticator auth =
        settings.user() == null
            ? null
            : new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
              }
            };
    this.session = Session.getInstance(props, auth);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("SMTP_FROM is not an address: " + settings.from(), e);
    }
  }

  public SmtpSettings settings() {
    return settings;
  }

  @Override
  public Outcome send(String recipient, MessageContent.Email email) {
    MimeMessage message;
    try {
      message = build(recipient, email);
    } catch (AddressException e) {
      return new Failed("not an address: " + recipient, true);
    } catch (MessagingException e) {
      return new Failed("could not build the message: " + e.getMessage(), true);
    }
    try {
      Transport.send(message);
      return new Sent(message.getMessageID());
    } catch (SendFailedException e) {
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      return new Failed(describe(e), refused);
    } catch (MessagingException e) {
      return new Failed(describe(e), false);
    }
  }

  MimeMessage build(String recipient, MessageContent.Email email) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    alternative.addBodyPart(text);
    if (email.html() != null && !email.html().isBlank()) {
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
      alternative.addBodyPart(html);
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    mixed.addBodyPart(body);
    for (MessageContent.Attachment a : email.attachments()) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.data(), a.contentType())));
      part.setFileName(a.filename());
      part.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(part);
    }
    message.setContent(mixed);
    message.saveChanges();
    return message;
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null) {
      text += " (" + root.getMessage() + ")";
    }
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
