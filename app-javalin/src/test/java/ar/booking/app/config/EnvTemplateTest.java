package ar.booking.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnvTemplateTest {

  private static final Pattern LINE = Pattern.compile("^#?\\s?([A-Z][A-Z0-9_]+)=(.*)$");

  /** NAME → default ("" when the line is commented out, i.e. the variable has no default). */
  private static Map<String, String> template() throws Exception {
    Path file = Path.of("..", ".env.template");
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        vars.putIfAbsent(m.group(1), line.startsWith("#") ? null : m.group(2));
      }
    }
    return vars;
  }

  private static Set<String> code() {
    return Arrays.stream(Var.values())
        .map(Var::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyVariableTheCodeReadsIsInTheTemplate() throws Exception {
    Set<String> missing = new TreeSet<>(code());
    missing.removeAll(template().keySet());
    assertThat(missing).as("variables read by the code but missing in .env.template").isEmpty();
  }

  @Test
  void everyVariableInTheTemplateIsReadByTheCode() throws Exception {
    Set<String> unknown = new TreeSet<>(template().keySet());
    unknown.removeAll(code());
    assertThat(unknown).as("variables in .env.template that the code never reads").isEmpty();
  }

  @Test
  void templateDefaultsAreTheCodesDefaults() throws Exception {
    Map<String, String> template = template();
    for (Var var : Var.values()) {
      assertThat(template.get(var.name())).as("default of " + var).isEqualTo(var.defaultValue());
    }
  }

  @Test
  void secretsHaveNoDefaultAndAreMarkedSecret() throws Exception {
    String text = Files.readString(Path.of("..", ".env.template"));
    for (Var var : Var.values()) {
      if (var.secret()) {
        assertThat(var.defaultValue()).as(var + " default").isNull();
        int at = text.indexOf("# " + var.name() + "=");
        String before = text.substring(Math.max(0, text.lastIndexOf("\n\n", at)), at);
        assertThat(before).as("comment above " + var).contains("SECRET");
      }
    }
  }
}
