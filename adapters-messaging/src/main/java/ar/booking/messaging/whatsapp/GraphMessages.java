package ar.booking.messaging.whatsapp;

import ar.booking.core.messaging.Choice;
import ar.booking.core.messaging.MessageContent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders channel-neutral content as Cloud API message bodies, within WhatsApp's limits: text 4
 * 096, interactive body 1 024, footer 60, button title 20 (unique), list button 20, row title 24,
 * row description 72, reply id 256, row id 200, 3 buttons, 10 rows. Longer texts are cut with an
 * ellipsis (the producer keeps within the limits; this is the last safety net).
 */
final class GraphMessages {

  static final String LANGUAGE = "es_AR";

  private final ObjectMapper json;

  GraphMessages(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode message(String to, MessageContent content) {
    ObjectNode root = envelope(to);
    switch (content) {
      case MessageContent.Text t -> text(root, t.body());
      case MessageContent.Buttons b -> buttons(root, b);
      case MessageContent.ChoiceList l -> list(root, l);
      case MessageContent.Email e -> text(root, e.plainText());
    }
    return root;
  }

  ObjectNode template(String to, String name, String parameter) {
    ObjectNode root = envelope(to);
    root.put("type", "template");
    ObjectNode template = root.putObject("template");
    template.put("name", name);
    template.putObject("language").put("code", LANGUAGE);
    ObjectNode body = template.putArray("components").addObject();
    body.put("type", "body");
    body.putArray("parameters")
        .addObject()
        .put("type", "text")
        .put("text", templateParameter(parameter));
    return root;
  }

  private ObjectNode envelope(String to) {
    ObjectNode root = json.createObjectNode();
    root.put("messaging_product", "whatsapp");
    root.put("recipient_type", "individual");
    root.put("to", to);
    return root;
  }

  private static void text(ObjectNode root, String body) {
    root.put("type", "text");
    root.putObject("text").put("body", cut(body, 4096)).put("preview_url", body.contains("http"));
  }

  private static void buttons(ObjectNode root, MessageContent.Buttons b) {
    root.put("type", "interactive");
    ObjectNode interactive = root.putObject("interactive");
    interactive.put("type", "button");
    interactive.putObject("body").put("text", cut(b.body(), 1024));
    if (b.footer() != null && !b.footer().isBlank()) {
      interactive.putObject("footer").put("text", cut(b.footer(), 60));
    }
    ArrayNode buttons = interactive.putObject("action").putArray("buttons");
    Set<String> titles = new HashSet<>();
    for (Choice c : b.choices()) {
      ObjectNode reply = buttons.addObject().put("type", "reply").putObject("reply");
      reply.put("id", cut(c.id(), 256));
      reply.put("title", unique(c.title(), 20, titles));
    }
  }

  private static void list(ObjectNode root, MessageContent.ChoiceList l) {
    root.put("type", "interactive");
    ObjectNode interactive = root.putObject("interactive");
    interactive.put("type", "list");
    interactive.putObject("body").put("text", cut(l.body(), 1024));
    ObjectNode action = interactive.putObject("action");
    action.put("button", cut(l.button() == null || l.button().isBlank() ? "Ver" : l.button(), 20));
    ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
    Set<String> titles = new HashSet<>();
    List<Choice> choices = l.choices().subList(0, Math.min(10, l.choices().size()));
    for (Choice c : choices) {
      ObjectNode row = rows.addObject();
      row.put("id", cut(c.id(), 200));
      row.put("title", unique(c.title(), 24, titles));
      if (c.description() != null && !c.description().isBlank()) {
        row.put("description", cut(c.description(), 72));
      }
    }
  }

  /**
   * A template parameter may not hold new lines, tabs or more than four spaces in a row (Meta
   * answers 132018), so lines are joined with " · ".
   */
  static String templateParameter(String text) {
    String flat =
        text.strip()
            .replaceAll("\\s*[\\r\\n]+\\s*", " · ")
            .replace('\t', ' ')
            .replaceAll(" {2,}", " ");
    return cut(flat, 1024);
  }

  /** At most {@code max} characters (code points), ending in an ellipsis when cut. */
  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, max - 1);
    return text.substring(0, end).stripTrailing() + "…";
  }

  private static String unique(String title, int max, Set<String> taken) {
    String candidate = cut(title, max);
    for (int n = 2; !taken.add(candidate); n++) {
      String suffix = " " + n;
      candidate = cut(title, max - suffix.length()) + suffix;
    }
    return candidate;
  }
}
