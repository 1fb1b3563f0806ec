package ar.booking.app.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Keeps what one logger writes during a test. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    appender.start();
    logger.addAppender(appender);
  }

  static LogCapture of(Class<?> type) {
    return new LogCapture((Logger) LoggerFactory.getLogger(type));
  }

  /** The one ERROR event whose formatted message mentions {@code text}. */
  ILoggingEvent errorWith(String text) {
    return appender.list.stream()
        .filter(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ERROR log mentions " + text));
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
