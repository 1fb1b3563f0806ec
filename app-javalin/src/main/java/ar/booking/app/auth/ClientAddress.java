package ar.booking.app.auth;

import io.javalin.http.Context;

/**
 * Who the client is, for rate limits: the peer address, or — behind our own reverse proxy, when
 * {@code TRUST_PROXY_HEADERS=true} — the address the proxy saw, which is the last entry of {@code
 * X-Forwarded-For} (entries before it are whatever the client chose to send).
 */
public final class ClientAddress {

  private final boolean trustProxyHeaders;

  public ClientAddress(boolean trustProxyHeaders) {
    this.trustProxyHeaders = trustProxyHeaders;
  }

  public String of(Context ctx) {
    return resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), trustProxyHeaders);
  }

  static String resolve(String peer, String forwardedFor, boolean trust) {
    if (!trust || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() ? peer : last;
  }
}
