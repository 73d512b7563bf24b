package io.cloudir.rules.internal;

import io.cloudir.investigate.enrich.Geo;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Condition;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.LogSource;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.RuleTest;
import io.cloudir.rules.Selection;
import io.cloudir.rules.Severity;
import io.cloudir.rules.TestEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads rules from YAML (format in {@code RULES-FORMAT.md}) through SnakeYAML's node API only,
 * with the safety rules of {@link RuleYaml} (any {@code !tag} or {@code !!python/...} is an error,
 * merge and duplicate keys are errors, aliases, nodes, nesting and size are bounded). Every error
 * names the file and line.
 */
public final class YamlRules extends RuleYaml {
  private static final Set<String> TOP_KEYS = Set.of("schemaVersion", "id", "title", "name",
      "description", "severity", "level", "mitre", "tags", "author", "license", "references",
      "link", "logsource", "detection", "tests", "status", "date", "modified", "falsepositives",
      "correlation", "suppress");

  private YamlRules(String file) {
    super(file);
  }

  /**
   * Reads every rule (one per YAML document) of a text.
   *
   * @param file the name used in error locations
   * @param text the YAML text
   * @throws RuleException with file and line for any error
   */
  public static List<Rule> read(String file, String text) {
    YamlRules r = new YamlRules(file);
    return r.documents(text, r::rule);
  }

  private Rule rule(Node doc) {
    Map<String, NodeTuple> top = map(doc, "a rule", 0);
    for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
      if (!TOP_KEYS.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
        throw err(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(TOP_KEYS)) + "; extensions start with"
            + " 'x-')");
      }
    }
    NodeTuple idT = top.get("id");
    if (idT == null) {
      throw err(doc, "a rule needs an 'id'");
    }
    String id = str(idT.getValueNode(), "id", 1);
    Rule.Builder b;
    try {
      b = Rule.builder(id);
    } catch (IllegalArgumentException e) {
      throw err(idT.getValueNode(), e.getMessage());
    }
    b.location(loc(doc));
    NodeTuple sv = top.get("schemaVersion");
    if (sv != null) {
      String v = str(sv.getValueNode(), "schemaVersion", 1);
      try {
        b.schemaVersion(Integer.parseInt(v.trim()));
      } catch (IllegalArgumentException e) {
        throw err(sv.getValueNode(), e instanceof NumberFormatException
            ? "schemaVersion must be an integer" : e.getMessage());
      }
    }
    NodeTuple title = top.containsKey("title") ? top.get("title") : top.get("name");
    if (title != null) {
      b.title(str(title.getValueNode(), "title", 1));
    }
    if (top.containsKey("description")) {
      b.description(str(top.get("description").getValueNode(), "description", 1));
    }
    if (top.containsKey("severity") && top.containsKey("level")) {
      throw err(top.get("level").getKeyNode(), "give 'severity' or 'level', not both");
    }
    NodeTuple sev = top.containsKey("severity") ? top.get("severity") : top.get("level");
    if (sev != null) {
      try {
        b.severity(Severity.parse(str(sev.getValueNode(), "severity", 1)));
      } catch (IllegalArgumentException e) {
        throw err(sev.getValueNode(), e.getMessage());
      }
    }
    if (top.containsKey("mitre")) {
      Node n = top.get("mitre").getValueNode();
      for (String t : strs(n, "mitre", 1)) {
        try {
          b.mitre(t.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw err(n, e.getMessage());
        }
      }
    }
    if (top.containsKey("tags")) {
      Node n = top.get("tags").getValueNode();
      for (String t : strs(n, "tags", 1)) {
        String l = t.trim().toLowerCase(Locale.ROOT);
        if (l.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
          b.mitre(l.substring(7).toUpperCase(Locale.ROOT));
        }
      }
    }
    if (top.containsKey("author")) {
      b.author(str(top.get("author").getValueNode(), "author", 1));
    }
    if (top.containsKey("license")) {
      b.license(str(top.get("license").getValueNode(), "license", 1));
    }
    if (top.containsKey("link")) {
      b.references(str(top.get("link").getValueNode(), "link", 1));
    }
    if (top.containsKey("references")) {
      b.references(strs(top.get("references").getValueNode(), "references", 1)
          .toArray(new String[0]));
    }
    for (String skip : List.of("status", "date", "modified", "falsepositives")) {
      if (top.containsKey(skip)) {
        walk(top.get(skip).getValueNode(), 1);
      }
    }
    NodeTuple ls = top.get("logsource");
    if (ls == null) {
      throw err(doc, "rule " + id + " needs a 'logsource'");
    }
    LogSource source = logSource(ls.getValueNode());
    b.logSource(source);
    NodeTuple det = top.get("detection");
    if (det == null) {
      throw err(doc, "rule " + id + " needs a 'detection'");
    }
    detection(det.getValueNode(), b);
    if (top.containsKey("correlation")) {
      Node cn = top.get("correlation").getValueNode();
      io.cloudir.rules.Correlation corr = correlation(cn);
      b.correlation(corr);
    }
    if (top.containsKey("suppress")) {
      Node sn = top.get("suppress").getValueNode();
      Map<String, NodeTuple> sm = map(sn, "suppress", 1);
      java.time.Duration w = null;
      List<String> by = new ArrayList<>();
      for (Map.Entry<String, NodeTuple> e : sm.entrySet()) {
        Node v = e.getValue().getValueNode();
        switch (e.getKey()) {
          case "window" -> w = duration(v, 2);
          case "by" -> by.addAll(strs(v, "suppress by", 2));
          default -> throw err(e.getValue().getKeyNode(), "unknown suppress key '" + e.getKey()
              + "' (window, by)");
        }
      }
      if (w == null) {
        throw err(sn, "suppress needs a 'window'");
      }
      try {
        b.suppress(new io.cloudir.rules.Suppression(w, by));
      } catch (IllegalArgumentException ex) {
        throw err(sn, ex.getMessage());
      }
    }
    if (top.containsKey("tests")) {
      for (Node t : seq(top.get("tests").getValueNode(), "tests", 1)) {
        b.tests(test(t));
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw err(doc, e.getMessage());
    }
  }

  /** A duration: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms}, or ISO-8601. */
  private java.time.Duration duration(Node n, int depth) {
    String t = str(n, "duration", depth).trim();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)")
        .matcher(t);
    try {
      if (m.matches()) {
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> java.time.Duration.ofMillis(v);
          case "s" -> java.time.Duration.ofSeconds(v);
          case "m" -> java.time.Duration.ofMinutes(v);
          case "h" -> java.time.Duration.ofHours(v);
          default -> java.time.Duration.ofDays(v);
        };
      }
      return java.time.Duration.parse(t);
    } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
      throw err(n, "not a duration: '" + t + "' (30s, 5m, 2h, 1d or ISO-8601 such as PT5M)");
    }
  }

  private long positive(Node n, String what, int depth) {
    String t = str(n, what, depth).trim();
    try {
      long v = Long.parseLong(t);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw err(n, what + " must be a positive integer");
  }

  private io.cloudir.rules.Correlation correlation(Node n) {
    Map<String, NodeTuple> m = map(n, "correlation", 1);
    NodeTuple type = m.get("type");
    if (type == null) {
      throw err(n, "correlation needs a 'type' (threshold, new-term, sequence, travel)");
    }
    String kind = str(type.getValueNode(), "correlation type", 2).trim().toLowerCase(Locale.ROOT);
    io.cloudir.rules.Correlation.Builder b = switch (kind) {
      case "threshold" -> io.cloudir.rules.Correlation.threshold();
      case "new-term", "new_term", "newterm" -> io.cloudir.rules.Correlation.newTerm();
      case "sequence" -> io.cloudir.rules.Correlation.sequence();
      case "travel" -> io.cloudir.rules.Correlation.travel();
      default -> throw err(type.getValueNode(), "unknown correlation type '" + kind
          + "' (threshold, new-term, sequence, travel)");
    };
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node v = e.getValue().getValueNode();
      String k = e.getKey();
      switch (k) {
        case "type" -> { }
        case "window", "within", "timespan" -> b.window(duration(v, 2));
        case "groupBy", "group-by" -> b.groupBy(strs(v, "groupBy", 2).toArray(new String[0]));
        case "maxKeys" -> b.maxKeys((int) Math.min(Integer.MAX_VALUE, positive(v, "maxKeys", 2)));
        case "count" -> {
          onlyFor(kind, "threshold", e);
          b.count(positive(v, "count", 2));
        }
        case "distinct" -> {
          onlyFor(kind, "threshold", e);
          Map<String, NodeTuple> d = map(v, "distinct", 2);
          NodeTuple f = d.get("field");
          NodeTuple c = d.get("count");
          if (f == null || c == null || d.size() != 2) {
            throw err(v, "distinct is {field: path, count: n}");
          }
          b.distinct(str(f.getValueNode(), "field", 3), positive(c.getValueNode(), "count", 3));
        }
        case "sum" -> {
          onlyFor(kind, "threshold", e);
          Map<String, NodeTuple> d = map(v, "sum", 2);
          NodeTuple f = d.get("field");
          NodeTuple c = d.get("gte");
          if (f == null || c == null || d.size() != 2) {
            throw err(v, "sum is {field: path, gte: number}");
          }
          BigDecimal limit = Values.number(str(c.getValueNode(), "gte", 3));
          if (limit == null) {
            throw err(c.getValueNode(), "sum gte must be a number");
          }
          b.sum(str(f.getValueNode(), "field", 3), limit);
        }
        case "terms" -> {
          onlyFor(kind, "new-term", e);
          b.terms(strs(v, "terms", 2).toArray(new String[0]));
        }
        case "learn" -> {
          onlyFor(kind, "new-term", e);
          b.learn(duration(v, 2));
        }
        case "steps" -> {
          onlyFor(kind, "sequence", e);
          for (Node st : seq(v, "steps", 2)) {
            Map<String, NodeTuple> sm = map(st, "a step", 3);
            NodeTuple sel = sm.get("selection");
            NodeTuple abs = sm.get("absent");
            NodeTuple key = sm.get("key");
            if ((sel == null) == (abs == null) || key == null || sm.size() != 2) {
              throw err(st, "a step is {selection: name, key: path} or {absent: name, key: path}");
            }
            String keyPath = str(key.getValueNode(), "key", 4);
            if (sel != null) {
              b.step(str(sel.getValueNode(), "selection", 4), keyPath);
            } else {
              b.absent(str(abs.getValueNode(), "absent", 4), keyPath);
            }
          }
        }
        case "maxSpeed" -> {
          onlyFor(kind, "travel", e);
          b.maxSpeed(number(v, "maxSpeed (km/h)"));
        }
        case "minDistance" -> {
          onlyFor(kind, "travel", e);
          b.minDistance(number(v, "minDistance (km)"));
        }
        case "countryWindow" -> {
          onlyFor(kind, "travel", e);
          b.countryWindow(duration(v, 2));
        }
        default -> throw err(e.getValue().getKeyNode(), "unknown correlation key '" + k
            + "' (type, window, groupBy, count, distinct, sum, terms, learn, steps, maxKeys,"
            + " maxSpeed, minDistance, countryWindow)");
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException ex) {
      throw err(n, "correlation: " + ex.getMessage());
    }
  }

  private double number(Node n, String what) {
    BigDecimal d = Values.number(str(n, what, 2).trim());
    if (d == null) {
      throw err(n, what + " must be a number");
    }
    return d.doubleValue();
  }

  private void onlyFor(String kind, String expected, Map.Entry<String, NodeTuple> e) {
    if (!kind.replace('_', '-').replace("newterm", "new-term").equals(expected)) {
      throw err(e.getValue().getKeyNode(), "'" + e.getKey() + "' is for " + expected
          + " correlations");
    }
  }

  private LogSource logSource(Node n) {
    Map<String, NodeTuple> m = map(n, "logsource", 1);
    List<String> types = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Node where = n;
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node v = e.getValue().getValueNode();
      switch (e.getKey()) {
        case "type", "types" -> {
          types.addAll(strs(v, "logsource type", 2));
          where = v;
        }
        case "eventSource" -> sources.addAll(strs(v, "logsource eventSource", 2));
        case "eventName" -> names.addAll(strs(v, "logsource eventName", 2));
        case "product", "service", "category" -> {
          String s = str(v, "logsource " + e.getKey(), 2).toLowerCase(Locale.ROOT);
          if (e.getKey().equals("service") && s.equals("cloudtrail")) {
            types.add("cloudtrail");
          } else if (e.getKey().equals("product") && !s.equals("aws")) {
            throw err(v, "logsource product '" + s + "' is not aws");
          }
        }
        default -> throw err(e.getValue().getKeyNode(), "unknown logsource key '" + e.getKey()
            + "' (type, eventSource, eventName, product, service, category)");
      }
    }
    if (types.isEmpty()) {
      throw err(n, "logsource needs a 'type' (cloudtrail, vpcflow, waf, route53-resolver,"
          + " route53-public, s3-access, alb)");
    }
    try {
      LogSource s = LogSource.ofNames(new ArrayList<>(new java.util.LinkedHashSet<>(types)));
      if (!sources.isEmpty()) {
        s = s.eventSource(sources.toArray(new String[0]));
      }
      if (!names.isEmpty()) {
        s = s.eventName(names.toArray(new String[0]));
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw err(where, e.getMessage());
    }
  }

  private void detection(Node n, Rule.Builder b) {
    Map<String, NodeTuple> m = map(n, "detection", 1);
    NodeTuple cond = null;
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      if (e.getKey().equals("condition")) {
        cond = e.getValue();
        continue;
      }
      if (e.getKey().equals("timeframe")) {
        throw err(e.getValue().getKeyNode(), "'timeframe' belongs in a correlation");
      }
      Node v = e.getValue().getValueNode();
      List<List<FieldTest>> groups = new ArrayList<>();
      if (v instanceof SequenceNode) {
        for (Node g : seq(v, "selection " + e.getKey(), 2)) {
          if (!(g instanceof MappingNode)) {
            throw err(g, "selection " + e.getKey() + ": keyword lists (full-text search) are not"
                + " supported; use field: value maps");
          }
          groups.add(group(g, e.getKey(), 3));
        }
      } else {
        groups.add(group(v, e.getKey(), 2));
      }
      try {
        b.select(Selection.anyOf(e.getKey(), groups).at(loc(e.getValue().getKeyNode())));
      } catch (IllegalArgumentException ex) {
        throw err(e.getValue().getKeyNode(), ex.getMessage());
      }
    }
    if (cond != null) {
      Node cv = cond.getValueNode();
      List<String> texts = strs(cv, "condition", 2);
      if (texts.size() != 1) {
        throw err(cv, "give one condition (combine with 'or')");
      }
      try {
        b.condition(Condition.parse(texts.get(0)));
      } catch (IllegalArgumentException ex) {
        throw err(cv, "condition: " + ex.getMessage());
      }
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
      String[] parts = splitKey(e.getKey());
      List<String> mods = new ArrayList<>(List.of(parts).subList(1, parts.length));
      Node v = e.getValue().getValueNode();
      List<Object> values = new ArrayList<>();
      boolean sawNull = false;
      if (v instanceof SequenceNode) {
        for (Node x : seq(v, e.getKey(), depth + 1)) {
          Object o = scalar(x, e.getKey(), depth + 2);
          if (o == null) {
            throw err(x, e.getKey() + ": null inside a list is not supported (use a separate"
                + " selection with '" + parts[0] + "|exists: false')");
          }
          values.add(o);
        }
        if (values.isEmpty()) {
          throw err(v, e.getKey() + ": empty list");
        }
      } else {
        Object o = scalar(v, e.getKey(), depth + 1);
        if (o == null) {
          sawNull = true;
        } else {
          values.add(o);
        }
      }
      try {
        if (sawNull) {
          if (!mods.isEmpty()) {
            throw new IllegalArgumentException("null value with modifiers");
          }
          out.add(FieldTest.of(parts[0], List.of("exists"), List.of(Boolean.FALSE))
              .at(loc(keyNode)));
        } else {
          out.add(FieldTest.of(parts[0], mods, values).at(loc(keyNode)));
        }
      } catch (IllegalArgumentException ex) {
        throw err(keyNode, "selection " + selection + ", " + e.getKey() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  /** Splits {@code field|mod|json(a|b)} on {@code |} outside parentheses and brackets. */
  static String[] splitKey(String key) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(key.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(key.substring(start).trim());
    return parts.toArray(new String[0]);
  }

  private RuleTest test(Node n) {
    Map<String, NodeTuple> m = map(n, "a test", 2);
    String name = "test at line " + (n.getStartMark().getLine() + 1);
    int expected = RuleTest.AT_LEAST_ONE;
    Map<String, String> fields = new LinkedHashMap<>();
    List<TestEvent> events = new ArrayList<>();
    Map<String, Map.Entry<Node, IpDetails>> geo = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node v = e.getValue().getValueNode();
      switch (e.getKey()) {
        case "name" -> name = str(v, "test name", 3);
        case "geo" -> {
          for (Map.Entry<String, NodeTuple> g : map(v, "geo", 3).entrySet()) {
            geo.put(g.getKey(), Map.entry(g.getValue().getKeyNode(),
                geoFacts(g.getValue().getValueNode())));
          }
        }
        case "expect" -> {
          String x = str(v, "expect", 3).trim().toLowerCase(Locale.ROOT);
          if (x.equals("match")) {
            expected = RuleTest.AT_LEAST_ONE;
          } else if (x.equals("no-match") || x.equals("nomatch")) {
            expected = 0;
          } else if (x.matches("\\d{1,6}")) {
            expected = Integer.parseInt(x);
          } else {
            throw err(v, "expect is 'match', 'no-match' or a number of findings");
          }
        }
        case "finding" -> {
          for (Map.Entry<String, NodeTuple> f : map(v, "finding", 3).entrySet()) {
            Node fv = f.getValue().getValueNode();
            fields.put(f.getKey(), String.join(",", strs(fv, "finding " + f.getKey(), 4)));
          }
        }
        case "events" -> {
          for (Node ev : seq(v, "events", 3)) {
            events.add(event(ev));
          }
        }
        default -> throw err(e.getValue().getKeyNode(), "unknown test key '" + e.getKey()
            + "' (name, expect, finding, geo, events)");
      }
    }
    RuleTest t;
    try {
      t = RuleTest.of(name, events, expected, fields, loc(n));
    } catch (IllegalArgumentException ex) {
      throw err(n, ex.getMessage());
    }
    for (Map.Entry<String, Map.Entry<Node, IpDetails>> g : geo.entrySet()) {
      try {
        t = t.withGeo(g.getKey(), g.getValue().getValue());
      } catch (IllegalArgumentException ex) {
        throw err(g.getValue().getKey(), ex.getMessage());
      }
    }
    return t;
  }

  /** {@code {country, asn, org, city, latitude, longitude, radius}}, every part optional. */
  // NullAway does not read the type-use @Nullable of IpDetails' components from its class file
  @SuppressWarnings("NullAway")
  private IpDetails geoFacts(Node n) {
    String country = null;
    String org = null;
    String city = null;
    long asn = -1;
    Double lat = null;
    Double lon = null;
    int radius = -1;
    for (Map.Entry<String, NodeTuple> e : map(n, "geo facts", 4).entrySet()) {
      Node v = e.getValue().getValueNode();
      switch (e.getKey()) {
        case "country" -> country = str(v, "country", 5).trim().toUpperCase(Locale.ROOT);
        case "org" -> org = str(v, "org", 5);
        case "city" -> city = str(v, "city", 5);
        case "asn" -> asn = positive(v, "asn", 5);
        case "latitude" -> lat = number(v, "latitude");
        case "longitude" -> lon = number(v, "longitude");
        case "radius" -> radius = (int) Math.min(20_000, positive(v, "radius (km)", 5));
        default -> throw err(e.getValue().getKeyNode(), "unknown geo key '" + e.getKey()
            + "' (country, asn, org, city, latitude, longitude, radius)");
      }
    }
    if ((lat == null) != (lon == null)) {
      throw err(n, "give both latitude and longitude, or neither");
    }
    try {
      return new IpDetails(asn, org, country, city,
          lat == null || lon == null ? null : new Geo.Point(lat, lon), radius, List.of());
    } catch (IllegalArgumentException ex) {
      throw err(n, ex.getMessage());
    }
  }

  private TestEvent event(Node n) {
    Map<String, NodeTuple> m = map(n, "a test event", 4);
    if (m.size() != 1) {
      throw err(n, "a test event is one 'type: record' entry (cloudtrail: {...}, vpcflow: 'line')");
    }
    Map.Entry<String, NodeTuple> e = m.entrySet().iterator().next();
    SourceType t;
    try {
      t = LogSource.typeOf(e.getKey());
    } catch (IllegalArgumentException ex) {
      throw err(e.getValue().getKeyNode(), ex.getMessage());
    }
    Node v = e.getValue().getValueNode();
    String text;
    if (v instanceof ScalarNode) {
      text = str(v, "test event", 5);
    } else {
      StringBuilder sb = new StringBuilder();
      json(v, sb, 5);
      text = sb.toString();
    }
    return new TestEvent(t, text, loc(v));
  }

  /** Writes a YAML node as JSON (plain true/false/null/numbers as JSON literals). */
  private void json(Node n, StringBuilder sb, int depth) {
    visit(n, depth);
    if (n instanceof MappingNode) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, NodeTuple> e : map(n, "a JSON object", depth).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        JsonOut.quote(sb, e.getKey());
        sb.append(':');
        json(e.getValue().getValueNode(), sb, depth + 1);
      }
      sb.append('}');
    } else if (n instanceof SequenceNode s) {
      sb.append('[');
      for (int i = 0; i < s.getValue().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        json(s.getValue().get(i), sb, depth + 1);
      }
      sb.append(']');
    } else {
      Object o = scalar(n, "value", depth);
      if (o == null) {
        sb.append("null");
      } else if (o instanceof String str) {
        JsonOut.quote(sb, str);
      } else if (o instanceof BigDecimal d) {
        sb.append(d.toString());
      } else {
        sb.append(o);
      }
    }
  }

  /** The set of rule ids seen, to report duplicates across files. */
  static Set<String> ids(List<Rule> rules) {
    Set<String> s = new HashSet<>();
    for (Rule r : rules) {
      s.add(r.id());
    }
    return s;
  }
}
