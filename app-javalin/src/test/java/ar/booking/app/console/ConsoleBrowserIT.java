package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium) on the real app: log in, sync Airbnb's calendar, read the month grid with
 * every kind of stay, block nights, confirm a cash payment — at 1280 px and at 375 px. Screenshots
 * go to {@code target/screenshots}; the month grid's also to {@code docs/screenshots}.
 */
class ConsoleBrowserIT {

  /** Debian's paths; {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} point elsewhere (README). */
  static final String CHROMIUM =
      System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

  static final String CHROMEDRIVER =
      System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
  void theOwnerWorksTheMonthOnALaptop() {
    ownerWorksTheMonth(1280, 900);
  }

  @Test
  void theOwnerWorksTheMonthOnAPhone() {
    ownerWorksTheMonth(375, 812);
  }

  private void ownerWorksTheMonth(int width, int height) {
    server = new ConsoleServer();
    ConsoleServer.World world = server.world();
    driver = chromium(width, height);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    String base = server.base();

    // Any console page without a session lands on the login.
    driver.get(base + "/admin?month=2026-11");
    wait.until(ExpectedConditions.urlToBe(base + "/admin/login"));
    driver.findElement(By.id("email")).sendKeys(ConsoleServer.EMAIL);
    driver.findElement(By.id("password")).sendKeys(ConsoleServer.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.id("month"), "Noviembre de 2026"));
    assertThat(((Number) driver.executeScript("return window.innerWidth;")).intValue())
        .isEqualTo(width);

    // Sync Airbnb's calendar from the unit's page ("Sincronizar ahora", posted by htmx).
    driver.get(base + "/admin/units/" + world.lake().id().value());
    click(driver.findElement(By.id("sync")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feeds"), "Al día"));

    // The month grid: a hold with its expiry, a confirmed booking in conflict with Airbnb, an
    // owner block, an imported stay, today marked.
    driver.get(base + "/admin");
    wait.until(ExpectedConditions.textToBe(By.id("month"), "Noviembre de 2026"));
    assertThat(bar(world.hold().code().value()).getAttribute("textContent"))
        .isEqualTo("Retenida, vence 09/11 10:30: Ana Pérez");
    assertThat(cellOf(world.hold().code().value()).getAttribute("class")).contains("stay-hold");
    assertThat(bar(world.confirmed().code().value()).getAttribute("textContent"))
        .isEqualTo("Confirmada: Carlos Gómez · CONFLICTO");
    assertThat(cellOf(world.confirmed().code().value()).getAttribute("class"))
        .contains("stay-confirmed", "stay-conflict");
    assertThat(bar(world.block().code().value()).getAttribute("textContent"))
        .isEqualTo("Bloqueo: Pintura");
    List<WebElement> imported = driver.findElements(By.cssSelector("td.stay-imported a"));
    assertThat(imported)
        .isNotEmpty()
        .allSatisfy(
            a -> assertThat(a.getAttribute("textContent")).isEqualTo("Importada de Airbnb"));
    assertThat(
            driver
                .findElement(By.cssSelector("td.stay-imported[data-start='2026-11-13']"))
                .getAttribute("colspan"))
        .isEqualTo("3");
    assertThat(driver.findElement(By.cssSelector("th.day.today")).getAttribute("data-date"))
        .isEqualTo("2026-11-09");
    assertThat(driver.findElement(By.cssSelector(".conflicts")).getText())
        .contains("Airbnb trae una estadía del 24/11/2026");
    assertThat(pageOverflow()).as("the page itself never scrolls sideways").isLessThanOrEqualTo(0L);
    String grid = screenshot("month-grid-" + width);
    publish(grid);

    // Block two free nights of the lake cabin by ticking them on the grid.
    long lake = world.lake().id().value();
    click(driver.findElement(By.cssSelector("input[value='" + lake + ":2026-11-18']")));
    click(driver.findElement(By.cssSelector("input[value='" + lake + ":2026-11-19']")));
    driver.findElement(By.id("note")).sendKeys("Arreglos");
    click(driver.findElement(By.id("block")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "Listo: bloqueaste las noches elegidas."));
    WebElement newBlock =
        driver.findElement(By.cssSelector("td.stay-block[data-start='2026-11-18']"));
    assertThat(newBlock.getAttribute("colspan")).isEqualTo("2");
    assertThat(newBlock.getAttribute("textContent")).contains("Bloqueo: Arreglos");
    screenshot("blocked-" + width);

    // Confirm the hold with a cash payment from its page.
    click(bar(world.hold().code().value()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amount")));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Retenida (falta el pago)");
    driver.findElement(By.id("amount")).sendKeys("12000");
    driver.findElement(By.id("reference")).sendKeys("efectivo en mano");
    click(driver.findElement(By.id("pay")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "Pago en efectivo registrado."));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmada");
    assertThat(driver.findElement(By.id("paid")).getText()).isEqualTo("$ 12.000 ARS");
    assertThat(pageOverflow()).isLessThanOrEqualTo(0L);
    screenshot("stay-paid-" + width);

    driver.get(base + "/admin");
    assertThat(bar(world.hold().code().value()).getAttribute("textContent"))
        .isEqualTo("Confirmada: Ana Pérez");
  }

  private WebElement bar(String code) {
    return driver.findElement(By.cssSelector("td.stay a[data-code='" + code + "']"));
  }

  private WebElement cellOf(String code) {
    return bar(code).findElement(By.xpath(".."));
  }

  /** Scrolls the element to the middle (clear of the sticky unit column) and clicks it. */
  private void click(WebElement element) {
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
    element.click();
  }

  /** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
  private long pageOverflow() {
    Object value =
        ((JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    return ((Number) value).longValue();
  }

  private String screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return name + ".png";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a screenshot to the project's docs/screenshots (linked from the README). */
  static void publish(String file) {
    Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs");
    if (!Files.isDirectory(docs)) {
      throw new AssertionError("no docs/ next to the module: " + docs);
    }
    try {
      Path dir = Files.createDirectories(docs.resolve("screenshots"));
      Files.copy(SCREENSHOTS.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ChromeDriver chromium(int width, int height) {
    for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new AssertionError(
            program
                + " is missing: the browser tests need Chromium and chromedriver (Debian/Ubuntu:"
                + " apt-get install chromium chromium-driver; elsewhere set CHROMIUM_BINARY and"
                + " CHROMEDRIVER, see the README)");
      }
    }
    try {
      Path profile = Files.createTempDirectory("console-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--hide-scrollbars",
          "--force-device-scale-factor=1",
          "--lang=es-AR",
          "--window-size=" + width + "," + height,
          "--user-data-dir=" + profile);
      // The viewport exactly as wide as asked (a headless window is never narrower than 500 px).
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  width,
                  "height",
                  height,
                  "pixelRatio",
                  1.0,
                  "mobile",
                  false,
                  "touch",
                  false)));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
