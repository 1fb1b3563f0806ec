package ar.booking.core.messaging;

import java.util.List;

/**
 * What a message says, channel-neutral. Texts are already in the recipient's language (rendered
 * from resource bundles by the core); the channel adapter only formats them (WhatsApp caps button
 * titles at 20 characters and lists at 10 rows, so the producer keeps within those limits).
 */
public sealed interface MessageContent {

  /** A summary in plain text, for transcripts, logs and channels that cannot show the rest. */
  String plainText();

  /** Plain text (WhatsApp: up to 4 096 characters). */
  record Text(String body) implements MessageContent {
    public Text {
      if (body == null || body.isBlank()) {
        throw new IllegalArgumentException("empty text");
      }
    }

    @Override
    public String plainText() {
      return body;
    }
  }

  /** A text with up to three reply buttons. */
  record Buttons(String body, String footer, List<Choice> choices) implements MessageContent {
    public Buttons {
      choices = List.copyOf(choices);
      if (choices.isEmpty() || choices.size() > 3) {
        throw new IllegalArgumentException("1 to 3 buttons, not " + choices.size());
      }
    }

    @Override
    public String plainText() {
      StringBuilder text = new StringBuilder(body);
      choices.forEach(c -> text.append("\n[").append(c.title()).append(']'));
      return text.toString();
    }
  }

  /** A text with a button that opens a list of up to ten options. */
  record ChoiceList(String body, String button, List<Choice> choices) implements MessageContent {
    public ChoiceList {
      choices = List.copyOf(choices);
      if (choices.isEmpty() || choices.size() > 10) {
        throw new IllegalArgumentException("1 to 10 rows, not " + choices.size());
      }
    }

    @Override
    public String plainText() {
      StringBuilder text = new StringBuilder(body);
      choices.forEach(c -> text.append("\n- ").append(c.title()));
      return text.toString();
    }
  }

  /** An e-mail: subject, plain-text and HTML bodies, attachments. */
  record Email(String subject, String text, String html, List<Attachment> attachments)
      implements MessageContent {
    public Email {
      attachments = List.copyOf(attachments);
    }

    @Override
    public String plainText() {
      return subject + "\n\n" + text;
    }
  }

  /** A file attached to an e-mail. */
  record Attachment(String filename, String contentType, byte[] data) {}
}
