package ar.booking.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The one log layout: readable text or one JSON object per line ({@code format} = text|json), with
 * {@link LogMasking} applied to the message, MDC values and stack traces.
 */
public final class MaskingLayout extends LayoutBase<ILoggingEvent> {

  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private boolean json;

  /** text (default) or json. */
  public void setFormat(String format) {
    this.json = format != null && format.strip().toLowerCase(Locale.ROOT).equals("json");
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    String message = LogMasking.mask(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    String stack = thrown == null ? null : LogMasking.mask(ThrowableProxyUtil.asString(thrown));
    Map<String, String> mdc = event.getMDCPropertyMap();
    return json ? json(event, message, stack, mdc) : text(event, message, stack, mdc);
  }

  private static String text(
      ILoggingEvent event, String message, String stack, Map<String, String> mdc) {
    StringBuilder sb = new StringBuilder(128);
    sb.append(TEXT_TIME.format(Instant.ofEpochMilli(event.getTimeStamp())))
        .append(' ')
        .append(String.format("%-5s", event.getLevel()))
        .append(" [")
        .append(event.getThreadName())
        .append("] ")
        .append(shortLogger(event.getLoggerName()));
    String requestId = mdc.get("request_id");
    if (requestId != null) {
      sb.append(" rid=").append(LogMasking.mask(requestId));
    }
    sb.append(" - ").append(message).append(CoreConstants.LINE_SEPARATOR);
    if (stack != null) {
      sb.append(stack).append(CoreConstants.LINE_SEPARATOR);
    }
    return sb.toString();
  }

  private static String json(
      ILoggingEvent event, String message, String stack, Map<String, String> mdc) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"ts\":\"").append(Instant.ofEpochMilli(event.getTimeStamp())).append('"');
    field(sb, "level", event.getLevel().toString());
    field(sb, "logger", event.getLoggerName());
    field(sb, "thread", event.getThreadName());
    field(sb, "msg", message);
    mdc.forEach((k, v) -> field(sb, k, LogMasking.mask(v)));
    if (stack != null) {
      field(sb, "exception", stack);
    }
    return sb.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append(",\"");
    escape(sb, name);
    sb.append("\":\"");
    escape(sb, value == null ? "" : value);
    sb.append('"');
  }

  static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  private static String shortLogger(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
