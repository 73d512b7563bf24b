package io.cloudir.rules;

import io.cloudir.model.Location;
import io.cloudir.rules.internal.YamlRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path)) {
        s.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files.add(path);
    }
    List<Rule> out = new ArrayList<>();
    Map<String, Rule> ids = new HashMap<>();
    for (Path f : files) {
      String text;
      try {
        text = read(f);
      } catch (CharacterCodingException e) {
        throw new RuleException(new Location(f.toString(), -1, -1, null),
            "rule file is not UTF-8");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Rule r : parse(f.toString(), text)) {
        Rule prev = ids.putIfAbsent(r.id(), r);
        if (prev != null) {
          throw new RuleException(r.location() != null ? r.location()
              : new Location(f.toString(), -1, -1, null), "duplicate rule id '" + r.id()
              + "' (first at " + prev.location() + ")");
        }
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Loads rules from a class path resource (such as a built-in pack inside a jar).
   *
   * @throws RuleException for the first error
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static List<Rule> load(String name, InputStream in) {
    try {
      byte[] b = in.readNBytes(YamlRules.MAX_CHARS * 4 + 1);
      if (b.length > YamlRules.MAX_CHARS * 4) {
        throw new RuleException(new Location(name, -1, -1, null), "rule file too large");
      }
      return parse(name, decode(b));
    } catch (CharacterCodingException e) {
      throw new RuleException(new Location(name, -1, -1, null), "rule file is not UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private static String read(Path f) throws IOException {
    if (Files.size(f) > YamlRules.MAX_CHARS * 4L) {
      throw new RuleException(new Location(f.toString(), -1, -1, null), "rule file too large");
    }
    return decode(Files.readAllBytes(f));
  }

  private static String decode(byte[] b) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(b)).toString();
  }
}
