package io.cloudir.rules.sigma.internal;

import io.cloudir.rules.Condition;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.LogSource;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.Selection;
import io.cloudir.rules.Severity;
import io.cloudir.rules.internal.RuleYaml;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads Sigma rules through SnakeYAML's node API only (no object is constructed from a tag; only
 * the standard tags are accepted; duplicate and merge keys, too many aliases or nodes and deep
 * nesting are errors) and translates them into {@link Rule}s. Every error names the file, the
 * line and the feature. One instance reads one file; not thread-safe.
 */
public final class SigmaReader extends RuleYaml {
  /** CloudTrail members holding free-form JSON objects (contains compares with their text). */
  private static final Set<String> OBJECT_ROOTS = Set.of("requestParameters", "responseElements",
      "additionalEventData", "serviceEventDetails", "addendum", "edgeDeviceDetails", "tlsDetails",
      "insightDetails", "userIdentity", "resources");
  /** Sigma modifiers passed to the cloudir chain as they are. */
  private static final Set<String> PASSED = Set.of("contains", "startswith", "endswith", "all",
      "re", "i", "m", "s", "cidr", "exists", "gt", "gte", "lt", "lte", "cased", "fieldref");
  private static final Set<String> CLOUDIR_ONLY = Set.of("schemaVersion", "severity", "mitre",
      "tests", "correlation", "suppress");

  private final @Nullable String link;
  private final @Nullable String defaultLicense;
  private final Map<String, List<String>> placeholders;
  private final Map<String, String> fields;

  /**
   * A reader for one file.
   *
   * @param file the name in error locations
   * @param link the link to the original rule, or null for the default (a search for its id)
   * @param defaultLicense the licence of rules that do not name one, or null
   * @param placeholders values of {@code expand} placeholders
   * @param fields Sigma field name to cloudir field path
   */
  public SigmaReader(String file, @Nullable String link, @Nullable String defaultLicense,
      Map<String, List<String>> placeholders, Map<String, String> fields) {
    super(file);
    this.link = link;
    this.defaultLicense = defaultLicense;
    this.placeholders = placeholders;
    this.fields = fields;
  }

  /** See {@code SigmaImporter.isSigma}. */
  public static boolean looksLikeSigma(String text) {
    if (text.length() > MAX_CHARS) {
      return false;
    }
    try {
      for (Node doc : yaml().composeAll(new StringReader(text))) {
        if (!(doc instanceof MappingNode m)) {
          return false;
        }
        boolean sigmaSource = false;
        for (NodeTuple t : m.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode k)) {
            return false;
          }
          if (CLOUDIR_ONLY.contains(k.getValue())) {
            return false;
          }
          if (k.getValue().equals("logsource") && t.getValueNode() instanceof MappingNode ls) {
            for (NodeTuple lt : ls.getValue()) {
              if (lt.getKeyNode() instanceof ScalarNode lk) {
                String n = lk.getValue();
                if (n.equals("type") || n.equals("types")) {
                  return false;
                }
                sigmaSource |= n.equals("product") || n.equals("service");
              }
            }
          }
        }
        return sigmaSource;
      }
    } catch (YAMLException | StackOverflowError e) {
      return false;
    }
    return false;
  }

  /**
   * Reads every rule of the text.
   *
   * @throws RuleException with file, line and feature of the first problem
   */
  public List<Rule> read(String text) {
    int[] index = {0};
    return documents(text, doc -> rule(doc, index[0]++));
  }

  private @Nullable String text(Map<String, NodeTuple> top, String key) {
    NodeTuple t = top.get(key);
    return t == null ? null : str(t.getValueNode(), key, 1);
  }

  private Rule rule(Node doc, int index) {
    Map<String, NodeTuple> top = map(doc, "a Sigma rule", 0);
    if (top.containsKey("correlation")) {
      throw err(top.get("correlation").getKeyNode(), "Sigma correlation rules are not supported"
          + " (write a cloudir rule with a 'correlation' instead)");
    }
    for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
      if (!e.getKey().equals("detection") && !e.getKey().equals("logsource")) {
        walk(e.getValue().getValueNode(), 1); // bounds every value, even ignored ones
      }
    }
    String sigmaId = text(top, "id");
    String id = ruleId(sigmaId, index);
    Rule.Builder b = Rule.builder(id).location(loc(doc));
    String title = text(top, "title");
    b.title((title == null ? id : title).replace("{", "{{").replace("}", "}}"));
    String description = text(top, "description");
    if (description != null) {
      b.description(description.strip());
    }
    NodeTuple level = top.get("level");
    if (level != null) {
      try {
        b.severity(Severity.parse(str(level.getValueNode(), "level", 1).trim()));
      } catch (IllegalArgumentException e) {
        throw err(level.getValueNode(), "level: " + e.getMessage());
      }
    }
    NodeTuple tags = top.get("tags");
    if (tags != null) {
      for (String t : strs(tags.getValueNode(), "tags", 1)) {
        String l = t.trim().toLowerCase(Locale.ROOT);
        if (l.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
          b.mitre(l.substring(7).toUpperCase(Locale.ROOT));
        }
      }
    }
    b.author(text(top, "author"));
    String license = text(top, "license");
    b.license(license != null ? license : defaultLicense);
    b.references(link != null ? link : defaultLink(sigmaId));
    NodeTuple refs = top.get("references");
    if (refs != null) {
      b.references(strs(refs.getValueNode(), "references", 1).toArray(new String[0]));
    }
    NodeTuple ls = top.get("logsource");
    if (ls == null) {
      throw err(doc, "a Sigma rule needs a 'logsource'");
    }
    b.logSource(logSource(ls.getValueNode()));
    NodeTuple det = top.get("detection");
    if (det == null) {
      throw err(doc, "a Sigma rule needs a 'detection'");
    }
    detection(det.getValueNode(), b);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw err(doc, String.valueOf(e.getMessage()));
    }
  }

  private String ruleId(@Nullable String sigmaId, int index) {
    if (sigmaId != null && sigmaId.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,199}")) {
      return sigmaId;
    }
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "")
        .replaceAll("[^A-Za-z0-9_.\\-]", "_");
    if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
      name = "sigma" + name;
    }
    return index == 0 ? name : name + "-" + (index + 1);
  }

  private static String defaultLink(@Nullable String sigmaId) {
    String q = "repo:SigmaHQ/sigma " + (sigmaId == null ? "" : sigmaId);
    return "https://github.com/search?type=code&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  private LogSource logSource(Node n) {
    Map<String, NodeTuple> m = map(n, "logsource", 1);
    NodeTuple product = m.get("product");
    if (product == null) {
      throw err(n, "logsource has no 'product' (the importer reads product: aws)");
    }
    String p = str(product.getValueNode(), "product", 2).trim().toLowerCase(Locale.ROOT);
    if (!p.equals("aws")) {
      throw err(product.getValueNode(), "logsource product '" + p + "' is not supported"
          + " (only aws)");
    }
    NodeTuple service = m.get("service");
    if (service != null) {
      String s = str(service.getValueNode(), "service", 2).trim().toLowerCase(Locale.ROOT);
      if (!s.equals("cloudtrail")) {
        throw err(service.getValueNode(), "logsource service '" + s + "' is not supported"
            + " (only cloudtrail)");
      }
    }
    for (NodeTuple t : m.values()) {
      walk(t.getValueNode(), 2);
    }
    return LogSource.cloudTrail();
  }

  private void detection(Node n, Rule.Builder b) {
    Map<String, NodeTuple> m = map(n, "detection", 1);
    NodeTuple cond = null;
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      String name = e.getKey();
      Node keyNode = e.getValue().getKeyNode();
      Node v = e.getValue().getValueNode();
      if (name.equals("condition")) {
        cond = e.getValue();
        continue;
      }
      if (name.equals("timeframe")) {
        throw err(keyNode, "'timeframe' (aggregation) is not supported");
      }
      List<List<FieldTest>> groups = new ArrayList<>();
      if (v instanceof SequenceNode s) {
        visit(v, 2);
        for (Node g : s.getValue()) {
          if (!(g instanceof MappingNode)) {
            throw err(g, "selection " + name + ": keyword (full-text) search is not supported;"
                + " use field: value maps");
          }
          groups.add(group(g, name, 3));
        }
        if (groups.isEmpty()) {
          throw err(v, "selection " + name + " is empty");
        }
      } else if (v instanceof MappingNode) {
        groups.add(group(v, name, 2));
      } else {
        throw err(v, "selection " + name + ": keyword (full-text) search is not supported;"
            + " use field: value maps");
      }
      try {
        b.select(Selection.anyOf(name, groups).at(loc(keyNode)));
      } catch (IllegalArgumentException ex) {
        throw err(keyNode, String.valueOf(ex.getMessage()));
      }
    }
    if (cond == null) {
      throw err(n, "detection has no 'condition'");
    }
    Node cv = cond.getValueNode();
    List<String> texts = strs(cv, "condition", 2);
    StringBuilder all = new StringBuilder();
    for (String t : texts) {
      if (t.indexOf('|') >= 0) {
        throw err(cv, "condition '" + t.trim() + "': aggregations ('| count() ...') are not"
            + " supported");
      }
      if (all.length() > 0) {
        all.append(" or ");
      }
      all.append(texts.size() > 1 ? "(" + t + ")" : t);
    }
    try {
      b.condition(Condition.parse(all.toString()));
    } catch (IllegalArgumentException ex) {
      throw err(cv, "condition: " + ex.getMessage());
    }
  }

  private List<FieldTest> group(Node n, String selection, int depth) {
    Map<String, NodeTuple> m = map(n, "selection " + selection, depth);
    if (m.isEmpty()) {
      throw err(n, "selection " + selection + " is empty");
    }
    List<FieldTest> out = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node keyNode = e.getValue().getKeyNode();
      String[] parts = e.getKey().split("\\|", -1);
      String sigmaField = parts[0].trim();
      if (sigmaField.isEmpty()) {
        throw err(keyNode, "selection " + selection + ": keyword (full-text) search ('|"
            + "modifier' without a field) is not supported");
      }
      String field = fields.getOrDefault(sigmaField, sigmaField);
      List<Object> values = new ArrayList<>();
      boolean isNull = values(e.getValue().getValueNode(), e.getKey(), depth + 1, values);
      List<String> mods = new ArrayList<>();
      List<String> transforms = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        String mod = parts[i].trim().toLowerCase(Locale.ROOT);
        if (PASSED.contains(mod)) {
          mods.add(mod);
        } else if (SigmaValues.TRANSFORMS.contains(mod)) {
          transforms.add(mod);
        } else {
          throw err(keyNode, "selection " + selection + ", " + e.getKey() + ": the Sigma modifier"
              + " '" + parts[i].trim() + "' is not supported");
        }
      }
      try {
        if (isNull) {
          if (!mods.isEmpty() || !transforms.isEmpty()) {
            throw new IllegalArgumentException("null with modifiers");
          }
          out.add(FieldTest.of(field, List.of("exists"), List.of(Boolean.FALSE)).at(loc(keyNode)));
          continue;
        }
        if (field.equals("status") && !fields.containsKey(sigmaField)) {
          out.add(status(values, mods, transforms).at(loc(keyNode)));
          continue;
        }
        boolean fieldref = mods.contains("fieldref");
        if (fieldref) {
          List<Object> mapped = new ArrayList<>();
          for (Object o : values) {
            mapped.add(o instanceof String s ? fields.getOrDefault(s, s) : o);
          }
          values = mapped;
        }
        values = SigmaValues.transform(values, transforms, mods, placeholders);
        if ((transforms.contains("base64") || transforms.contains("base64offset"))
            && !mods.contains("cased")) {
          mods.add("cased"); // base64 text is case-sensitive
        }
        boolean objectText = OBJECT_ROOTS.contains(field) && mods.contains("contains")
            && !fieldref;
        if (objectText && values.stream().anyMatch(o -> o instanceof String s
            && s.indexOf('"') >= 0)) {
          boolean all = mods.contains("all");
          List<String> one = new ArrayList<>(mods);
          one.remove("all");
          if (all) {
            for (Object o : values) {
              out.add(FieldTest.of(field, one, SigmaValues.withJsonEscaped(List.of(o)))
                  .at(loc(keyNode)));
            }
          } else {
            out.add(FieldTest.of(field, one, SigmaValues.withJsonEscaped(values))
                .at(loc(keyNode)));
          }
        } else {
          out.add(FieldTest.of(field, mods, values).at(loc(keyNode)));
        }
      } catch (IllegalArgumentException ex) {
        throw err(keyNode, "selection " + selection + ", " + e.getKey() + ": "
            + ex.getMessage());
      }
    }
    return out;
  }

  /**
   * Sigma's generic {@code status: success|failure} (no such CloudTrail member): a call succeeded
   * when it has no {@code errorCode}.
   */
  private static FieldTest status(List<Object> values, List<String> mods, List<String> transforms) {
    if (!mods.isEmpty() || !transforms.isEmpty() || values.size() != 1) {
      throw new IllegalArgumentException("'status' (success or failure) takes one value and no"
          + " modifier");
    }
    String v = String.valueOf(values.get(0)).trim().toLowerCase(Locale.ROOT);
    if (!v.equals("success") && !v.equals("failure")) {
      throw new IllegalArgumentException("'status' is success or failure, not '" + v + "'");
    }
    return FieldTest.of("errorCode", List.of("exists"), List.of(v.equals("failure")));
  }

  /** Fills {@code out} with the scalar values; returns true for a lone null. */
  private boolean values(Node v, String key, int depth, List<Object> out) {
    if (v instanceof SequenceNode s) {
      visit(v, depth);
      for (Node x : s.getValue()) {
        Object o = scalar(x, key, depth + 1);
        if (o == null) {
          throw err(x, key + ": null inside a value list is not supported (put the null test"
              + " in a selection of its own)");
        }
        out.add(o);
      }
      if (out.isEmpty()) {
        throw err(v, key + ": empty value list");
      }
      return false;
    }
    Object o = scalar(v, key, depth);
    if (o == null) {
      return true;
    }
    out.add(o);
    return false;
  }

}
