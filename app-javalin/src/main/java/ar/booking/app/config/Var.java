package ar.booking.app.config;

/**
 * Every environment variable the application reads, with its default. {@code .env.template} at the
 * repository root documents each of them; {@code EnvTemplateTest} keeps the two in step.
 */
public enum Var {
  ENVIRONMENT(null, false),
  DATABASE_URL(null, true),
  DB_POOL_SIZE("10", false),
  REDIS_URL(null, false),
  REDIS_PASSWORD(null, true),
  JWT_SECRET(null, true),
  JWT_EXPIRATION_HOURS("24", false),
  METRICS_TOKEN(null, true),
  BASE_URL(null, false),
  PRERESERVATION_EXPIRY_MINUTES("30", false),
  JOB_EXPIRATION_INTERVAL_SECONDS("60", false),
  JOB_EVENTS_INTERVAL_SECONDS("2", false),
  RATE_LIMIT_ENABLED("true", false),
  RATE_LIMIT_REQUESTS("120", false),
  RATE_LIMIT_WINDOW_SECONDS("60", false),
  LOGIN_RATE_LIMIT_REQUESTS("10", false),
  TRUST_PROXY_HEADERS("false", false),
  PORT("8000", false),
  TIMEZONE("America/Argentina/Buenos_Aires", false),
  DATA_DIR("./data", false),
  ADMIN_EMAIL("admin@booking.local", false),
  ADMIN_PASSWORD(null, true),
  MAX_REQUEST_BYTES("1048576", false),
  LOG_FORMAT(null, false),
  LOG_LEVEL("INFO", false),
  SHUTDOWN_TIMEOUT_SECONDS("20", false),
  ICS_SALT(null, true),
  JOB_ICAL_INTERVAL_SECONDS("300", false),
  ICAL_RELEASE_AFTER_MISSES("2", false),
  ICAL_SYNC_MAX_AGE_MINUTES("20", false),
  ICAL_REFRESH_BEFORE_HOLD_MINUTES("10", false),
  VOSK_MODEL_PATH(null, false),
  FFMPEG_PATH(null, false),
  AUDIO_MAX_BYTES("5242880", false),
  AUDIO_MAX_SECONDS("120", false),
  AUDIO_MIN_CONFIDENCE("0.6", false),
  AUDIO_WORKERS("1", false),
  MERCADOPAGO_API_BASE_URL("https://api.mercadopago.com", false),
  MERCADOPAGO_ACCESS_TOKEN(null, true),
  MERCADOPAGO_WEBHOOK_SECRET(null, true),
  MERCADOPAGO_WEBHOOK_MAX_AGE_SECONDS("0", false),
  PAYMENT_LATE_POLICY("owner", false),
  PAYMENT_PENDING_EXTENSION_MINUTES("60", false),
  JOB_PAYMENT_RECONCILE_INTERVAL_SECONDS("300", false),
  OWNER_WHATSAPP(null, false),
  OWNER_EMAIL(null, false),
  OWNER_ALERTS_MUTED(null, false),
  HOLD_REMINDER_MINUTES("10", false),
  PRE_ARRIVAL_HOUR("18", false),
  RETENTION_DAYS("90", false),
  JOB_TIMELINE_INTERVAL_SECONDS("60", false),
  JOB_MAIL_INTERVAL_SECONDS("5", false),
  SMTP_HOST(null, false),
  SMTP_PORT("587", false),
  SMTP_USER(null, false),
  SMTP_PASSWORD(null, true),
  SMTP_FROM(null, false),
  SMTP_STARTTLS("true", false),
  WHATSAPP_API_BASE_URL("https://graph.facebook.com/v21.0", false),
  WHATSAPP_PHONE_NUMBER_ID(null, false),
  WHATSAPP_ACCESS_TOKEN(null, true),
  WHATSAPP_APP_SECRET(null, true),
  WHATSAPP_VERIFY_TOKEN(null, true),
  WHATSAPP_HANDOFF_HOURS("24", false),
  WHATSAPP_TEMPLATE_REPLY(null, false),
  WHATSAPP_TEMPLATE_HOLD_REMINDER(null, false),
  WHATSAPP_TEMPLATE_BOOKING_CONFIRMED(null, false),
  WHATSAPP_TEMPLATE_OWNER_ALERT(null, false),
  WHATSAPP_TEMPLATE_PRE_ARRIVAL(null, false);

  private final String defaultValue;
  private final boolean secret;

  Var(String defaultValue, boolean secret) {
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  /** The default when unset, or null when there is none (or it depends on other settings). */
  public String defaultValue() {
    return defaultValue;
  }

  /** Whether the value must never be logged or shown. */
  public boolean secret() {
    return secret;
  }
}
