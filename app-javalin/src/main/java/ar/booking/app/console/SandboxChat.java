package ar.booking.app.console;

import ar.booking.app.http.RouteGroup;
import ar.booking.core.messaging.Choice;
import ar.booking.messaging.whatsapp.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The developer's sandbox at {@value #ROOT} (development mode only; the composition root does not
 * add it otherwise, so it answers 404): a phone-like chat where the developer writes as a guest.
 * Every message goes to the app's own WhatsApp webhook as Meta would send it — signed with {@code
 * WHATSAPP_APP_SECRET} when there is one — so it travels the real inbox, dialog and outbox; the
 * page shows the bot's answers from the outbox (the sandbox messenger marks them sent) with their
 * buttons and lists, and a click on one sends the {@code button_reply} or {@code list_reply} a
 * guest would send. A hold's payment link opens the Mercado Pago sandbox's pay page.
 */
public final class SandboxChat implements RouteGroup {

  private static final Logger log = LoggerFactory.getLogger(SandboxChat.class);

  public static final String ROOT = "/sandbox";
  static final String DEFAULT_WA_ID = "5492944000001";
  static final String DEFAULT_NAME = "Huésped de prueba";
  private static final Pattern WA_ID = Pattern.compile("[0-9]{6,20}");
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private final ConversationDesk desk;
  private final Optional<WebhookSignature> signature;
  private final String webhookPath;
  private final IntSupplier port;
  private final Clock clock;
  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Pages pages = new Pages();

  /**
   * @param appSecret {@code WHATSAPP_APP_SECRET}: when set every delivery is signed with it
   * @param webhookPath the app's WhatsApp webhook path
   * @param port the port the app listens on (known once started)
   */
  public SandboxChat(
      ConversationDesk desk,
      Optional<String> appSecret,
      String webhookPath,
      IntSupplier port,
      Clock clock,
      ZoneId zone) {
    this.desk = desk;
    this.signature = appSecret.map(WebhookSignature::new);
    this.webhookPath = webhookPath;
    this.port = port;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before(ROOT, SandboxChat::headers);
    routes.before(ROOT + "/*", SandboxChat::headers);
    routes.get(ROOT, this::page);
    routes.get(ROOT + "/chat", this::chat);
    routes.post(ROOT + "/send", this::send);
    routes.post(ROOT + "/choose", this::choose);
  }

  private static void headers(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", ConsoleApi.CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
  }

  /** The chat's parts: one bubble per message, oldest first. */
  public record ChatView(
      String waId, String name, String query, List<Bubble> bubbles, String error) {}

  /** One message bubble, its text cut into plain parts and links. */
  public record Bubble(
      boolean fromGuest,
      String at,
      List<Part> parts,
      String status,
      List<Choice> choices,
      String listButton) {}

  /** Plain text (href null) or a link. */
  public record Part(String text, String href) {}

  private String waId(String raw) {
    String id = raw == null ? "" : raw.strip();
    return WA_ID.matcher(id).matches() ? id : DEFAULT_WA_ID;
  }

  private static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      return DEFAULT_NAME;
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  private ChatView view(String waId, String name, String error) {
    List<Bubble> bubbles = new ArrayList<>();
    desk.transcript(waId)
        .ifPresent(
            t ->
                t.lines()
                    .forEach(
                        l ->
                            bubbles.add(
                                new Bubble(
                                    l.fromGuest(),
                                    Labels.shortDateTime(l.at(), zone),
                                    parts(l.text()),
                                    Labels.messageStatus(l.status()),
                                    l.choices(),
                                    l.listButton()))));
    String query =
        "wa_id="
            + URLEncoder.encode(waId, StandardCharsets.UTF_8)
            + "&name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8);
    return new ChatView(waId, name, query, bubbles, error);
  }

  /** Text cut into plain parts and links; the Mercado Pago sandbox's links stay on this app. */
  static List<Part> parts(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Part(text.substring(at, m.start()), null));
      }
      String url = m.group();
      int sandbox = url.indexOf("/sandbox/pay/");
      parts.add(new Part(url, sandbox >= 0 ? url.substring(sandbox) : url));
      at = m.end();
    }
    if (at < text.length()) {
      parts.add(new Part(text.substring(at), null));
    }
    return parts;
  }

  private void page(Context ctx) {
    String waId = waId(ctx.queryParam("wa_id"));
    String name = name(ctx.queryParam("name"));
    render(ctx, "sandbox.jte", view(waId, name, errorOf(ctx.queryParam("error"))));
  }

  private void chat(Context ctx) {
    String waId = waId(ctx.queryParam("wa_id"));
    String name = name(ctx.queryParam("name"));
    render(ctx, "sandboxchat.jte", view(waId, name, null));
  }

  private static String errorOf(String code) {
    if (code == null) {
      return null;
    }
    return switch (code) {
      case "empty" -> "Escribí un mensaje.";
      case "refused" ->
          "El webhook rechazó el mensaje: revisá WHATSAPP_APP_SECRET o"
              + " WHATSAPP_ACCEPT_UNSIGNED en tu .env.";
      default -> null;
    };
  }

  private void render(Context ctx, String template, ChatView view) {
    ctx.contentType("text/html; charset=utf-8").result(pages.render(template, view));
  }

  private void send(Context ctx) throws IOException, InterruptedException {
    String waId = waId(ctx.formParam("wa_id"));
    String name = name(ctx.formParam("name"));
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("").strip();
    if (text.isEmpty()) {
      back(ctx, waId, name, "empty");
      return;
    }
    ObjectNode message = message(waId, "text");
    message.putObject("text").put("body", text.length() > 4096 ? text.substring(0, 4096) : text);
    deliver(ctx, waId, name, message);
  }

  private void choose(Context ctx) throws IOException, InterruptedException {
    String waId = waId(ctx.formParam("wa_id"));
    String name = name(ctx.formParam("name"));
    String id = Optional.ofNullable(ctx.formParam("choice_id")).orElse("").strip();
    String title = Optional.ofNullable(ctx.formParam("title")).orElse("").strip();
    if (id.isEmpty()) {
      back(ctx, waId, name, "empty");
      return;
    }
    String kind = "list".equals(ctx.formParam("kind")) ? "list_reply" : "button_reply";
    ObjectNode message = message(waId, "interactive");
    ObjectNode interactive = message.putObject("interactive");
    interactive.put("type", kind);
    interactive.putObject(kind).put("id", id).put("title", title);
    deliver(ctx, waId, name, message);
  }

  private ObjectNode message(String waId, String type) {
    ObjectNode message = json.createObjectNode();
    message.put("from", waId);
    message.put("id", "wamid.sandbox.in." + UUID.randomUUID());
    message.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
    message.put("type", type);
    return message;
  }

  /** Sends one message as Meta's webhook delivery, signed when there is a secret. */
  private void deliver(Context ctx, String waId, String name, ObjectNode message)
      throws IOException, InterruptedException {
    ObjectNode root = json.createObjectNode();
    root.put("object", "whatsapp_business_account");
    ObjectNode value =
        root.putArray("entry")
            .addObject()
            .put("id", "sandbox")
            .putArray("changes")
            .addObject()
            .put("field", "messages")
            .putObject("value");
    value.put("messaging_product", "whatsapp");
    value
        .putObject("metadata")
        .put("display_phone_number", "5490000000000")
        .put("phone_number_id", "sandbox");
    ArrayNode contacts = value.putArray("contacts");
    contacts.addObject().put("wa_id", waId).putObject("profile").put("name", name);
    value.putArray("messages").add(message);
    byte[] body = json.writeValueAsBytes(root);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + webhookPath))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signature.ifPresent(s -> request.header("X-Hub-Signature-256", s.sign(body)));
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      log.warn("Sandbox: the webhook answered {}: {}", answer.statusCode(), answer.body());
      back(ctx, waId, name, "refused");
      return;
    }
    back(ctx, waId, name, null);
  }

  private static void back(Context ctx, String waId, String name, String error) {
    ctx.status(303)
        .header(
            "Location",
            ROOT
                + "?wa_id="
                + URLEncoder.encode(waId, StandardCharsets.UTF_8)
                + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (error == null ? "" : "&error=" + error));
  }
}
