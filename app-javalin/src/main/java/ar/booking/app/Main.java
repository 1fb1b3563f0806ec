package ar.booking.app;

import ar.booking.app.config.Config;
import ar.booking.app.config.ConfigException;
import ar.booking.core.ports.TechnicalFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar app-javalin.jar}: reads the configuration, starts, stops on SIGTERM. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.load(System.getenv(), Path.of(".env"));
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // Before the first logger exists: logback.xml reads these.
    System.setProperty("booking.log.format", config.logFormat().name().toLowerCase(Locale.ROOT));
    System.setProperty("booking.log.level", config.logLevel());
    Logger log = LoggerFactory.getLogger(Main.class);

    BookingApp app;
    try {
      log.info("Connecting the adapters ({} mode)", config.mode());
      app = BookingApp.create(config, Adapters.fromConfig(config, Clock.systemUTC())).start();
    } catch (StartupException | TechnicalFailure e) {
      log.error("Cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      log.error("Cannot start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
  }
}
