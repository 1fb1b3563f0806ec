package ar.booking.core.archfixture;

import java.net.http.HttpClient;

/** A planted violation: the core making HTTP calls itself. Only used by the rule test. */
public class CoreCallingHttp {
  public HttpClient client() {
    return HttpClient.newHttpClient();
  }
}
