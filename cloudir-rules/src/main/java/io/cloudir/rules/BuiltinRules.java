package io.cloudir.rules;

import io.cloudir.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in detection pack: the rules shipped inside this module, written in the YAML rule
 * format (listed in {@code BUILTIN.md}). Every rule carries ATT&CK technique ids and its own
 * positive and negative tests.
 *
 * <pre>{@code
 * Engine engine = Engine.compile(BuiltinRules.load());
 * }</pre>
 *
 * <p>The rule files are resources of this module ({@code io/cloudir/rules/builtin/}); they are
 * read by this class, so the resource package needs no {@code opens}. Stateless and thread-safe;
 * the rules are parsed once and the returned list is immutable.
 */
public final class BuiltinRules {
  /** Resource directory of the pack, relative to this class. */
  private static final String DIR = "builtin/";

  private BuiltinRules() {}

  /**
   * Returns every built-in rule, in the order of the pack's files.
   *
   * @throws RuleException if a packaged rule file does not parse (a build defect)
   * @throws UncheckedIOException if a packaged file cannot be read
   */
  public static List<Rule> load() {
    return Holder.RULES;
  }

  /** The names of the pack's rule files (relative to the pack directory), in load order. */
  public static List<String> files() {
    return Holder.FILES;
  }

  private static final class Holder {
    static final List<String> FILES = readIndex();
    static final List<Rule> RULES = readRules(FILES);
  }

  private static List<String> readIndex() {
    String text;
    try (InputStream in = open("index.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Rule> readRules(List<String> files) {
    List<Rule> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (String f : files) {
      try (InputStream in = open(f)) {
        for (Rule r : RuleLoader.load(DIR + f, in)) {
          String prev = seen.putIfAbsent(r.id(), f);
          if (prev != null) {
            throw new RuleException(new Location(DIR + f, -1, -1, null),
                "duplicate rule id '" + r.id() + "' (first in " + prev + ")");
          }
          out.add(r);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = BuiltinRules.class.getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IOException("built-in rule resource missing: " + DIR + name);
    }
    return in;
  }
}
