package ar.booking.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogMaskingTest {

  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvd25lckBjYWJhbmFzLnRlc3QifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

  @Test
  void tokensPasswordsEmailsAndPhonesAreMasked() {
    assertThat(LogMasking.mask("token " + JWT + " used")).isEqualTo("token [JWT] used");
    assertThat(LogMasking.mask("Authorization: Bearer abc.def-123"))
        .isEqualTo("Authorization: Bearer ***");
    assertThat(LogMasking.mask("{\"email\":\"x\",\"password\":\"hunter2 \\\"quoted\\\"\"}"))
        .isEqualTo("{\"email\":\"x\",\"password\":\"***\"}");
    assertThat(LogMasking.mask("JWT_SECRET=abcdef0123 next")).isEqualTo("JWT_SECRET=*** next");
    assertThat(LogMasking.mask("jdbc:postgresql://h:5432/db?sslpassword=TopSecret1&x=1"))
        .isEqualTo("jdbc:postgresql://h:5432/db?sslpassword=***&x=1");
    assertThat(LogMasking.mask("postgresql://booking:s3cr3t@db:5432/booking"))
        .isEqualTo("postgresql://booking:***@db:5432/booking");
    assertThat(LogMasking.mask("mail ana.perez@gmail.com now")).isEqualTo("mail a***@***.com now");
    assertThat(LogMasking.mask("from +54 9 11 4567-8901.")).isEqualTo("from ***01.");
    assertThat(LogMasking.mask("call 011 4567 8901")).isEqualTo("call ***01");
  }

  @Test
  void datesTimesIdsAndLatenciesAreLeftAlone() {
    String line =
        "GET /api/v1/admin/units/12 200 3.4 ms check-in 2026-12-20 10:00 rid"
            + " 550e8400-e29b-41d4-a716-446655440000 took 1234 ms, 12345678 bytes";
    assertThat(LogMasking.mask(line)).isEqualTo(line);
  }

  @Test
  void theRealLogbackConfigMasksEveryLineInBothFormats() throws Exception {
    for (String format : new String[] {"text", "json"}) {
      String out = logThroughRealConfig(format);
      assertThat(out)
          .doesNotContain(JWT)
          .doesNotContain("hunter2")
          .doesNotContain("ana.perez@gmail.com")
          .doesNotContain("4567-8901")
          .doesNotContain("sk_live_123")
          .contains("[JWT]")
          .contains(format.equals("json") ? "\\\"password\\\":\\\"***\\\"" : "\"password\":\"***\"")
          .contains("a***@***.com")
          .contains("***01")
          .contains("rid-123456");
      if (format.equals("json")) {
        assertThat(out.lines().filter(l -> !l.isBlank()))
            .allSatisfy(l -> assertThat(l).startsWith("{\"ts\":\"").endsWith("}"));
        assertThat(out).contains("\"request_id\":\"rid-123456\"");
      }
    }
  }

  private static String logThroughRealConfig(String format) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL main = LogMaskingTest.class.getClassLoader().getResource("logback.xml");
    URL test = LogMaskingTest.class.getClassLoader().getResource("logback-test.xml");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setProperty("booking.log.format", format);
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      configure(context, main);
      Logger log = LoggerFactory.getLogger("ar.booking.app.SomeController");
      MDC.put("request_id", "rid-123456");
      log.info("login by ana.perez@gmail.com with {\"password\":\"hunter2\"}");
      log.info("Authorization: Bearer " + JWT);
      log.warn(
          "guest phone +54 9 11 4567-8901 wrote",
          new IllegalStateException("refused token=sk_live_123"));
      MDC.remove("request_id");
    } finally {
      System.setOut(original);
      System.clearProperty("booking.log.format");
      configure(context, test);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static void configure(LoggerContext context, URL config) throws Exception {
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
  }
}
