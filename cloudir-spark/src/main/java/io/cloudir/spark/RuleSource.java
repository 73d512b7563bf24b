package io.cloudir.spark;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import io.cloudir.rules.sigma.SigmaImporter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Rules as Spark ships them to executors: the built-in pack and rule texts (cloudir YAML or
 * Sigma), in order. Executors compile them once per JVM. A source is compared by its content,
 * so equal sources share one compiled engine.
 *
 * <pre>{@code
 * RuleSource rules = RuleSource.builtin().plus(RuleSource.files(Path.of("my-rules")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSource implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One part: the built-in pack, or a named text of the given kind. */
  private record Part(String kind, String name, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final List<Part> parts;

  private RuleSource(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The built-in rule pack of cloudir-rules. */
  public static RuleSource builtin() {
    return new RuleSource(List.of(new Part("builtin", "", "")));
  }

  /** cloudir YAML rules; {@code name} is used in error locations. */
  public static RuleSource yaml(String name, String text) {
    return new RuleSource(List.of(new Part("yaml", name, text)));
  }

  /** Sigma rules; {@code name} is used in error locations. */
  public static RuleSource sigma(String name, String text) {
    return new RuleSource(List.of(new Part("sigma", name, text)));
  }

  /**
   * The rules of a file, or of every {@code .yml}/{@code .yaml} file under a directory in sorted
   * path order, read now (on the driver); cloudir YAML and Sigma are told apart by their keys.
   *
   * @throws UncheckedIOException when a file cannot be read
   */
  public static RuleSource files(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path)) {
        s.filter(f -> Files.isRegularFile(f) && isYaml(f)).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files.add(path);
    }
    List<Part> parts = new ArrayList<>();
    for (Path f : files) {
      try {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        parts.add(new Part(SigmaImporter.isSigma(text) ? "sigma" : "yaml", f.toString(), text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RuleSource(parts);
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  /** These rules followed by {@code other}'s. */
  public RuleSource plus(RuleSource other) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(other.parts);
    return new RuleSource(all);
  }

  /**
   * Parses the rules, in order.
   *
   * @throws io.cloudir.rules.RuleException for the first rule that does not parse
   */
  public List<Rule> load() {
    List<Rule> out = new ArrayList<>();
    for (Part p : parts) {
      switch (p.kind()) {
        case "builtin" -> out.addAll(BuiltinRules.load());
        case "sigma" -> out.addAll(SigmaImporter.create().parse(p.name(), p.text()));
        default -> out.addAll(RuleLoader.parse(p.name(), p.text()));
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSource r && r.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parts);
  }

  @Override
  public String toString() {
    return "RuleSource" + parts.stream().map(p -> p.kind() + ":" + p.name()).toList();
  }
}
