package ar.booking.app.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the console's templates ({@code src/main/jte}), precompiled to Java classes by the build:
 * no template compiler runs in the app. Every {@code ${…}} in them is HTML-escaped.
 */
final class Pages {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Object view) {
    StringOutput out = new StringOutput();
    engine.render(template, view, out);
    return out.toString();
  }
}
