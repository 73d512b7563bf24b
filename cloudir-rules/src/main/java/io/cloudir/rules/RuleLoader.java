package io.cloudir.rules;

import io.cloudir.model.Location;
import io.cloudir.rules.internal.RuleYaml;
import io.cloudir.rules.internal.YamlRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads rules written in the YAML rule format ({@code RULES-FORMAT.md}): one rule per YAML
 * document, several documents per file ({@code ---}). Loading is safe on untrusted files: no tags,
 * no object construction, duplicate keys rejected, aliases, nesting and size bounded. Every error
 * is a {@link RuleException} naming the file and line. Loaded rules still have to be compiled
 * ({@link Engine#compile}), which checks field paths and matchers.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleLoader {
  private RuleLoader() {}

  /**
   * Parses rules from YAML text.
   *
   * @param name the file name used in error locations
   * @param yaml the text
   * @throws RuleException with the line of the first error
   */
  public static List<Rule> parse(String name, String yaml) {
    return YamlRules.read(name, yaml);
  }

  /**
   * Loads the rules of a file, or of every {@code .yml}/{@code .yaml} file under a directory (in
   * sorted path order). Rule ids must be unique across the files.
   *
   * @throws RuleException for the first error (file and line), or a duplicate id
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<Rule> load(Path path) {
    return RuleYaml.loadFiles(path, RuleYaml.MAX_CHARS * 4L,
        (f, text) -> parse(f.toString(), text));
  }

  /**
   * Loads rules from a class path resource (such as a built-in pack inside a jar).
   *
   * @throws RuleException for the first error
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static List<Rule> load(String name, InputStream in) {
    try {
      byte[] b = in.readNBytes(RuleYaml.MAX_CHARS * 4 + 1);
      if (b.length > RuleYaml.MAX_CHARS * 4) {
        throw new RuleException(new Location(name, -1, -1, null), "rule file too large");
      }
      return parse(name, RuleYaml.decode(name, b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
