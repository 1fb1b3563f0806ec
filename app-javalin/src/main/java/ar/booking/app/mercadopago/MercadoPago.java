package ar.booking.app.mercadopago;

import ar.booking.app.Adapters;
import ar.booking.app.config.MercadoPagoConfig;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.ApplyProviderPayment;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.payments.mercadopago.MercadoPagoGateway;
import ar.booking.payments.mercadopago.MercadoPagoSettings;
import ar.booking.payments.mercadopago.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mercado Pago assembled on the app's adapters: the gateway (real, or the sandbox without an access
 * token), the payment link use case, the processing of notifications, the routes and the jobs.
 * {@link ar.booking.app.BookingApp} builds one and adds its routes and jobs.
 */
public final class MercadoPago {

  private static final Logger log = LoggerFactory.getLogger(MercadoPago.class);

  private final PaymentGateway gateway;
  private final ProviderPayments provider;
  private final Optional<SandboxPayments> sandbox;
  private final IssuePaymentLink issuePaymentLink;
  private final PaymentProcessing processing;
  private final List<RouteGroup> routes;
  private final MercadoPagoConfig config;

  private MercadoPago(
      MercadoPagoConfig config,
      PaymentGateway gateway,
      ProviderPayments provider,
      Optional<SandboxPayments> sandbox,
      IssuePaymentLink issuePaymentLink,
      PaymentProcessing processing,
      List<RouteGroup> routes) {
    this.config = config;
    this.gateway = gateway;
    this.provider = provider;
    this.sandbox = sandbox;
    this.issuePaymentLink = issuePaymentLink;
    this.processing = processing;
    this.routes = routes;
  }

  /**
   * @param baseUrl our public base URL ({@code BASE_URL})
   */
  public static MercadoPago assemble(
      MercadoPagoConfig config, String baseUrl, Adapters adapters, MeterRegistry registry) {
    PaymentMetrics metrics = new PaymentMetrics(registry);
    PaymentGateway gateway;
    ProviderPayments provider;
    Optional<SandboxPayments> sandbox;
    if (config.sandbox()) {
      SandboxPayments payments =
          new SandboxPayments(baseUrl, adapters.paymentNotifications(), adapters.clock());
      gateway = payments;
      provider = payments;
      sandbox = Optional.of(payments);
      log.info(
          "Mercado Pago: no access token, the sandbox serves {}", baseUrl + SandboxPayments.PAGE);
    } else {
      MercadoPagoGateway real =
          new MercadoPagoGateway(
              MercadoPagoSettings.of(
                  config.apiBaseUrl(),
                  config.accessToken().orElseThrow(),
                  notificationUrl(baseUrl),
                  isPublic(baseUrl) ? Optional.of(baseUrl) : Optional.empty()),
              adapters.clock(),
              metrics::apiError);
      gateway = real;
      provider = real;
      sandbox = Optional.empty();
    }
    IssuePaymentLink issue =
        new IssuePaymentLink(
            adapters.reservations(),
            adapters.accommodations(),
            gateway,
            adapters.clock(),
            adapters.paymentLinks());
    ApplyProviderPayment apply =
        new ApplyProviderPayment(
            adapters.reservations(),
            adapters.payments(),
            adapters.paymentLinks(),
            adapters.events(),
            provider,
            adapters.transactions(),
            adapters.clock(),
            new ApplyProviderPayment.Settings(
                ApplyProviderPayment.LatePolicy.valueOf(
                    config.latePolicy().toUpperCase(Locale.ROOT)),
                config.pendingExtension()));
    PaymentProcessing processing =
        new PaymentProcessing(
            adapters.paymentNotifications(),
            provider,
            apply,
            adapters.paymentLinks(),
            adapters.reservations(),
            adapters.payments(),
            metrics,
            adapters.clock());
    Optional<WebhookSignature> signature =
        config.webhookSecret().map(secret -> new WebhookSignature(secret, config.webhookMaxAge()));
    if (signature.isEmpty()) {
      log.warn("MERCADOPAGO_WEBHOOK_SECRET is not set: notifications are accepted unsigned");
    }
    List<RouteGroup> routes =
        List.of(
            new MercadoPagoWebhook(signature, adapters.paymentNotifications(), adapters.clock()),
            new SandboxPages(sandbox),
            new PaymentAdmin(issue, adapters.payments(), provider, processing));
    return new MercadoPago(config, gateway, provider, sandbox, issue, processing, routes);
  }

  /** Our webhook, with {@code source_news=webhooks} so Mercado Pago sends no legacy IPN too. */
  static String notificationUrl(String baseUrl) {
    return baseUrl + MercadoPagoWebhook.PATH + "?source_news=webhooks";
  }

  /** Whether Mercado Pago can send a guest back to us: https on a host that is not private. */
  static boolean isPublic(String baseUrl) {
    URI uri = URI.create(baseUrl);
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")) {
      return false;
    }
    if (host.matches("[0-9.]+") || host.startsWith("[")) {
      try {
        InetAddress address = InetAddress.getByName(host);
        return !(address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress());
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return true;
  }

  public PaymentGateway gateway() {
    return gateway;
  }

  public ProviderPayments provider() {
    return provider;
  }

  public Optional<SandboxPayments> sandbox() {
    return sandbox;
  }

  public IssuePaymentLink issuePaymentLink() {
    return issuePaymentLink;
  }

  public PaymentProcessing processing() {
    return processing;
  }

  public List<RouteGroup> routes() {
    return routes;
  }

  /** The notification job (every {@code processInterval}) and the reconciliation job. */
  public List<ScheduledJob> jobs(Duration processInterval) {
    return List.of(
        processing.notificationsJob(processInterval),
        processing.reconcileJob(config.reconcileInterval()));
  }
}
