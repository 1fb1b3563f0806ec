package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.conversation.Conversation;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The developer's sandbox and the console's inbox in a real headless Chromium on the real app with
 * its inbox, outbox and job loops running: a whole booking from "hola" to a paid hold through the
 * Mercado Pago sandbox, and the owner answering a guest who waits for a human — at 1280 px and at
 * 375 px. Screenshots go to {@code target/screenshots}; the sandbox's also to {@code
 * docs/screenshots}.
 */
class SandboxBrowserIT {

  static final String SECRET = "sandbox-browser-secret-0123456789abcdef";

  private ConsoleServer server;
  private ChromeDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aWholeBookingInTheSandboxOnALaptop() {
    wholeBooking(1280, 900);
  }

  @Test
  void aWholeBookingInTheSandboxOnAPhone() {
    wholeBooking(375, 812);
  }

  @Test
  void theOwnerAnswersAGuestWhoWaitsOnALaptop() {
    answerAHandedOffGuest(1280, 900);
  }

  @Test
  void theOwnerAnswersAGuestWhoWaitsOnAPhone() {
    answerAHandedOffGuest(375, 812);
  }

  private FluentWait<ChromeDriver> waiting() {
    return new FluentWait<>(driver)
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class);
  }

  /** Clicks what {@code by} finds, again if the chat was swapped by its poll meanwhile. */
  private void tap(By by) {
    waiting()
        .until(
            d -> {
              WebElement element = d.findElement(by);
              d.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  private void write(String text) {
    // The app's clock is fixed: each turn a second later keeps the transcript in order.
    server.clock.advance(Duration.ofSeconds(1));
    WebElement input = driver.findElement(By.id("text"));
    input.clear();
    input.sendKeys(text);
    driver.findElement(By.id("send")).click();
  }

  private void wholeBooking(int width, int height) {
    server = new ConsoleServer(Map.of("ENVIRONMENT", "development", "WHATSAPP_APP_SECRET", SECRET));
    driver = ConsoleBrowserIT.chromium(width, height);
    String base = server.base();
    String guest = "54929440" + width;

    driver.get(base + "/sandbox?wa_id=" + guest + "&name=Ana");
    write("hola");
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".bubble.from-bot button.choice")));
    assertThat(driver.findElement(By.cssSelector(".bubble.from-bot")).getText()).contains("Ana");

    write("tienen algo del 20 al 23 de noviembre para 2 personas?");
    By offer = By.xpath("//form[input[@name='choice_id' and starts-with(@value,'offer:')]]/button");
    waiting().until(ExpectedConditions.presenceOfElementLocated(offer));
    tap(offer);

    By link = By.cssSelector("a.chat-link[href^='/sandbox/pay/']");
    String href = waiting().until(d -> d.findElement(link).getAttribute("href"));
    assertThat(driver.findElement(By.id("chat")).getText()).contains("Código de reserva");
    assertThat(pageOverflow()).as("the page never scrolls sideways").isLessThanOrEqualTo(0L);
    publish(screenshot("sandbox-hold-" + width));
    ReservationCode code = ReservationCode.parse(href.substring(href.lastIndexOf('/') + 1));
    assertThat(server.stores.reservations().find(code).orElseThrow().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);

    tap(link);
    waiting().until(ExpectedConditions.urlContains("/sandbox/pay/" + code.value()));
    tap(By.xpath("//form[input[@name='status' and @value='approved']]/button"));
    // The notification goes through the jobs on the app's (fixed) clock: let time pass.
    waiting()
        .until(
            d -> {
              server.clock.advance(Duration.ofSeconds(2));
              return server.stores.reservations().find(code).orElseThrow().status()
                  == ReservationStatus.CONFIRMED;
            });

    driver.get(base + "/sandbox?wa_id=" + guest + "&name=Ana");
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".bubble.from-bot")).stream()
                    .anyMatch(b -> b.getText().toLowerCase().contains("confirmada")));
    publish(screenshot("sandbox-paid-" + width));
  }

  private void answerAHandedOffGuest(int width, int height) {
    server = new ConsoleServer();
    String guest = "5492944111" + width;
    var at = server.clock.instant();
    server
        .stores
        .inbox()
        .store(
            InboundMessage.text("wamid.h" + width, guest, "Carla <b>Díaz</b>", "¿tienen cuna?", at),
            "{}",
            at);
    server
        .stores
        .conversations()
        .save(
            new Conversation(
                guest,
                "Carla <b>Díaz</b>",
                "HANDOFF",
                Map.of(),
                at,
                at.plus(Duration.ofHours(12)),
                at,
                0));
    driver = ConsoleBrowserIT.chromium(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    String base = server.base();
    driver.get(base + "/admin/login");
    driver.findElement(By.id("email")).sendKeys(ConsoleServer.EMAIL);
    driver.findElement(By.id("password")).sendKeys(ConsoleServer.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("month")));

    driver.get(base + "/admin/inbox");
    WebElement first = driver.findElement(By.cssSelector(".conversations li"));
    assertThat(first.getText()).contains("Carla <b>Díaz</b>", "Espera respuesta");
    first.findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-text")));
    driver.findElement(By.id("reply-text")).sendKeys("Sí, tenemos cuna sin cargo.");
    driver.findElement(By.cssSelector("form.reply button[type=submit]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "Respuesta en camino."));
    assertThat(driver.findElement(By.cssSelector(".transcript")).getText())
        .contains("¿tienen cuna?", "Sí, tenemos cuna sin cargo.");
    assertThat(pageOverflow()).isLessThanOrEqualTo(0L);
    publish(screenshot("inbox-" + width));

    driver.findElement(By.xpath("//button[text()='Devolver al bot']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "el bot vuelve a atender"));
    assertThat(
            server
                .stores
                .conversations()
                .find(guest)
                .orElseThrow()
                .inHandoff(server.clock.instant()))
        .isFalse();
    assertThat(server.stores.outbox().toRecipient(guest, 5))
        .extracting(m -> m.message().content().plainText())
        .contains("Sí, tenemos cuna sin cargo.");
  }

  private long pageOverflow() {
    Object value =
        driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    return ((Number) value).longValue();
  }

  private String screenshot(String name) {
    driver.executeScript("window.scrollTo(0, document.documentElement.scrollHeight);");
    try {
      Files.createDirectories(ConsoleBrowserIT.SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = ConsoleBrowserIT.SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return name + ".png";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void publish(String file) {
    ConsoleBrowserIT.publish(file);
  }
}
