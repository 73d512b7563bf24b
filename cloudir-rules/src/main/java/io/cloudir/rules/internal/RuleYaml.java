package io.cloudir.rules.internal;

import io.cloudir.model.Location;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * What the cloudir rule reader ({@link YamlRules}) and the Sigma reader share: safe YAML through
 * SnakeYAML's node API only (nothing is ever constructed from tags; only the standard scalar and
 * collection tags are accepted, merge keys and duplicate keys are errors, aliases are limited and
 * every node visit counts toward a budget so alias bombs fail fast, nesting depth and document size
 * are bounded, every error names the file and line), and loading rule files from a file or a
 * directory tree (UTF-8, size-limited, rule ids unique across the files).
 *
 * <p>One reader instance reads one file; not thread-safe. The static methods are thread-safe.
 */
public abstract class RuleYaml {
  /** The largest rule file, in characters. */
  public static final int MAX_CHARS = 4 << 20;
  /** The deepest nesting. */
  public static final int MAX_DEPTH = 64;
  /** The most aliases in one file. */
  public static final int MAX_ALIASES = 50;
  /** The most nodes visited in one document (aliases count again each time). */
  public static final int MAX_NODES = 200_000;

  private static final Set<String> SAFE_TAGS = Set.of("tag:yaml.org,2002:str",
      "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
      "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
      "tag:yaml.org,2002:timestamp");

  /** The file name used in error locations. */
  protected final String file;
  private int nodes;

  /** A reader of one file. */
  protected RuleYaml(String file) {
    this.file = file;
  }

  /** A SnakeYAML instance with the limits above and no tag ever constructed. */
  protected static Yaml yaml() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(MAX_ALIASES);
    o.setAllowRecursiveKeys(false);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setCodePointLimit(MAX_CHARS);
    o.setProcessComments(false);
    o.setTagInspector(tag -> false);
    DumperOptions d = new DumperOptions();
    return new Yaml(new SafeConstructor(o), new Representer(d), d, o);
  }

  /**
   * Reads every non-empty YAML document of a text with {@code each} (the node budget restarts per
   * document).
   *
   * @throws RuleException with file and line for a YAML error or a text that is too large
   */
  protected final <T> List<T> documents(String text, Function<Node, T> each) {
    if (text.length() > MAX_CHARS) {
      throw new RuleException(new Location(file, -1, -1, null),
          "rule file larger than " + MAX_CHARS + " characters");
    }
    List<T> out = new ArrayList<>();
    try {
      for (Node doc : yaml().composeAll(new StringReader(text))) {
        if (doc != null) {
          nodes = 0;
          out.add(each.apply(doc));
        }
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new RuleException(loc(m, null), "YAML: " + oneLine(e.getProblem() != null
          ? e.getProblem() : e.getMessage()), e);
    } catch (YAMLException e) {
      throw new RuleException(new Location(file, -1, -1, null), "YAML: " + oneLine(
          String.valueOf(e.getMessage())), e);
    } catch (StackOverflowError e) {
      throw new RuleException(new Location(file, -1, -1, null), "YAML nested too deeply");
    }
    return out;
  }

  private static String oneLine(@Nullable String s) {
    return String.valueOf(s).replace('\n', ' ').trim();
  }

  /** The location of a mark in this file, with an optional JSON path. */
  protected final Location loc(@Nullable Mark m, @Nullable String path) {
    return new Location(file, -1, m == null ? -1 : m.getLine() + 1, path);
  }

  /** The location of a node. */
  protected final Location loc(Node n) {
    return loc(n.getStartMark(), null);
  }

  /** An error at a node. */
  protected final RuleException err(Node n, @Nullable String msg) {
    return new RuleException(loc(n), String.valueOf(msg));
  }

  /** Counts a node visit and checks its depth and tag. */
  protected final void visit(Node n, int depth) {
    if (++nodes > MAX_NODES) {
      throw err(n, "document too large (more than " + MAX_NODES + " nodes, aliases included)");
    }
    if (depth > MAX_DEPTH) {
      throw err(n, "nesting deeper than " + MAX_DEPTH);
    }
    String tag = n.getTag().getValue();
    if (!SAFE_TAGS.contains(tag)) {
      throw err(n, "tag '" + tag + "' is not allowed in rule files");
    }
  }

  /** The entries of a mapping node, keys as strings; duplicate or merge keys are errors. */
  protected final Map<String, NodeTuple> map(Node n, String what, int depth) {
    visit(n, depth);
    if (!(n instanceof MappingNode m)) {
      throw err(n, what + " must be a mapping");
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      visit(k, depth + 1);
      if (!(k instanceof ScalarNode ks)) {
        throw err(k, "keys of " + what + " must be scalars");
      }
      if (k.getTag().getValue().equals("tag:yaml.org,2002:merge") || ks.getValue().equals("<<")) {
        throw err(k, "merge keys ('<<') are not allowed");
      }
      if (out.put(ks.getValue(), t) != null) {
        throw err(k, "duplicate key '" + ks.getValue() + "' in " + what);
      }
    }
    return out;
  }

  /** The items of a sequence node. */
  protected final List<Node> seq(Node n, String what, int depth) {
    visit(n, depth);
    if (!(n instanceof SequenceNode s)) {
      throw err(n, what + " must be a list");
    }
    return s.getValue();
  }

  /** The text of a scalar node. */
  protected final String str(Node n, String what, int depth) {
    visit(n, depth);
    if (!(n instanceof ScalarNode s)) {
      throw err(n, what + " must be a string");
    }
    return s.getValue();
  }

  /** A scalar, or each scalar of a list. */
  protected final List<String> strs(Node n, String what, int depth) {
    if (n instanceof SequenceNode) {
      List<String> out = new ArrayList<>();
      for (Node e : seq(n, what, depth)) {
        out.add(str(e, what + " item", depth + 1));
      }
      return out;
    }
    return List.of(str(n, what, depth));
  }

  /** Visits every node of a value (for keys whose content is accepted and ignored). */
  protected final void walk(Node n, int depth) {
    visit(n, depth);
    if (n instanceof MappingNode) {
      for (NodeTuple t : map(n, "value", depth).values()) {
        walk(t.getValueNode(), depth + 1);
      }
    } else if (n instanceof SequenceNode s) {
      for (Node e : s.getValue()) {
        walk(e, depth + 1);
      }
    }
  }

  /**
   * A scalar value: String, Long, BigDecimal, Boolean (only for plain true/false), or null (plain
   * null); quoted scalars are always strings.
   */
  protected final @Nullable Object scalar(Node n, String what, int depth) {
    visit(n, depth);
    if (!(n instanceof ScalarNode s)) {
      throw err(n, what + ": values are scalars or lists of scalars");
    }
    String v = s.getValue();
    if (!s.isPlain()) {
      return v;
    }
    switch (n.getTag().getValue()) {
      case "tag:yaml.org,2002:null" -> {
        return null;
      }
      case "tag:yaml.org,2002:bool" -> {
        return v.equalsIgnoreCase("true") ? Boolean.TRUE
            : v.equalsIgnoreCase("false") ? Boolean.FALSE : v;
      }
      case "tag:yaml.org,2002:int" -> {
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          return v;
        }
      }
      case "tag:yaml.org,2002:float" -> {
        java.math.BigDecimal d = Values.number(v);
        return d == null ? v : d;
      }
      default -> {
        return v;
      }
    }
  }

  /**
   * Loads the rules of a file, or of every {@code .yml}/{@code .yaml} file under a directory (in
   * sorted path order), each file read as UTF-8 of at most {@code maxBytes} bytes and parsed by
   * {@code parse(file, text)}; rule ids must be unique across the files.
   *
   * @throws RuleException for the first error (file and line), or a duplicate id
   * @throws UncheckedIOException when a file cannot be read
   */
  public static List<Rule> loadFiles(Path path, long maxBytes,
      BiFunction<Path, String, List<Rule>> parse) {
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
      for (Rule r : parse.apply(f, read(f, maxBytes))) {
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

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private static String read(Path f, long maxBytes) {
    try {
      if (Files.size(f) > maxBytes) {
        throw new RuleException(new Location(f.toString(), -1, -1, null), "rule file too large");
      }
      return decode(f.toString(), Files.readAllBytes(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes strict UTF-8.
   *
   * @throws RuleException naming {@code name} when the bytes are not UTF-8
   */
  public static String decode(String name, byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw new RuleException(new Location(name, -1, -1, null), "rule file is not UTF-8");
    }
  }
}
