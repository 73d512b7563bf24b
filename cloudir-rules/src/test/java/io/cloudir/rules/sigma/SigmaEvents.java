package io.cloudir.rules.sigma;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds CloudTrail events from a rule's own detection: for each assignment of truth values to
 * the selections that satisfies the condition, an event that makes the true selections hold
 * (values synthesised from the tests: wildcards filled, contains wrapped, a regular expression
 * sampled) on top of a neutral base event. The test then checks the rule really fires on one.
 */
final class SigmaEvents {
  private SigmaEvents() {}

  private static final Set<String> OBJECT_ROOTS = Set.of("requestParameters",
      "responseElements", "additionalEventData", "serviceEventDetails");

  /** Candidate positive events, most likely first. */
  static List<CloudTrailEvent> positives(Rule rule) {
    List<String> names = new ArrayList<>(rule.selections().keySet());
    List<CloudTrailEvent> out = new ArrayList<>();
    int n = Math.min(names.size(), 12);
    for (int mask = (1 << n) - 1; mask >= 0; mask--) {
      final int m = mask;
      if (!rule.condition().evaluate(names, s -> ((m >> names.indexOf(s)) & 1) == 1)) {
        continue;
      }
      Map<String, Object> ev = base();
      List<FieldTest> refs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (((m >> i) & 1) == 1) {
          Selection s = rule.selections().get(names.get(i));
          for (FieldTest t : s.alternatives().get(0)) {
            if (t.modifiers().contains("fieldref")) {
              refs.add(t);
            } else {
              apply(ev, t);
            }
          }
        }
      }
      for (FieldTest t : refs) {
        Object v = get(ev, (String) t.values().get(0));
        if (v == null) {
          v = "ref-value";
          put(ev, (String) t.values().get(0), v);
        }
        put(ev, t.field(), v);
      }
      out.add(CloudTrailEvent.parse(json(ev)));
    }
    return out;
  }

  static Map<String, Object> base() {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("eventVersion", "1.09");
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("type", "IAMUser");
    id.put("principalId", "AIDAEXAMPLE");
    id.put("arn", "arn:aws:iam::111122223333:user/alice");
    id.put("accountId", "111122223333");
    id.put("userName", "alice");
    ev.put("userIdentity", id);
    ev.put("eventTime", "2026-03-14T09:00:00Z");
    ev.put("eventSource", "example.amazonaws.com");
    ev.put("eventName", "ExampleCall");
    ev.put("awsRegion", "us-east-1");
    ev.put("sourceIPAddress", "198.51.100.7");
    ev.put("userAgent", "aws-cli/2.15.0");
    ev.put("eventID", "ev-sigma-1");
    ev.put("eventType", "AwsApiCall");
    ev.put("recipientAccountId", "111122223333");
    return ev;
  }

  private static void apply(Map<String, Object> ev, FieldTest t) {
    List<String> mods = t.modifiers();
    Object first = t.values().get(0);
    Object value;
    if (mods.contains("exists")) {
      if (Boolean.FALSE.equals(first)) {
        remove(ev, t.field());
        return;
      }
      value = "present";
    } else if (mods.contains("re")) {
      value = sample((String) first);
    } else if (first instanceof String) {
      List<Object> vals = mods.contains("all") ? t.values() : List.of(first);
      StringBuilder sb = new StringBuilder();
      for (Object o : vals) {
        sb.append(literal((String) o));
      }
      String v = sb.toString();
      if (mods.contains("contains")) {
        v = "pre-" + v + "-post";
      } else if (mods.contains("startswith")) {
        v = v + "-post";
      } else if (mods.contains("endswith")) {
        v = "pre-" + v;
      }
      value = v;
    } else {
      value = first;
    }
    if (OBJECT_ROOTS.contains(t.field())) {
      Object prev = ev.get(t.field());
      @SuppressWarnings("unchecked")
      Map<String, Object> o = prev instanceof Map<?, ?> m ? (Map<String, Object>) m
          : new LinkedHashMap<>();
      o.put("text" + o.size(), value);
      value = o;
    }
    put(ev, t.field(), value);
  }

  /** A wildcard pattern with its wildcards filled in and escapes removed. */
  static String literal(String p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length() && "*?\\".indexOf(p.charAt(i + 1)) >= 0) {
        sb.append(p.charAt(++i));
      } else if (c == '*' || c == '?') {
        sb.append('x');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A string matching a simple regular expression (literals, '.', escapes, + * ? anchors). */
  static String sample(String re) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      String atom;
      if (c == '^' || c == '$' || c == '(' || c == ')') {
        continue;
      } else if (c == '|') {
        break;
      } else if (c == '\\' && i + 1 < re.length()) {
        char e = re.charAt(++i);
        atom = e == 'd' ? "1" : e == 'w' ? "a" : e == 's' ? " " : String.valueOf(e);
      } else if (c == '.') {
        atom = "x";
      } else if (c == '[') {
        int close = re.indexOf(']', i);
        char f = re.charAt(i + 1);
        atom = f == '^' ? "~" : String.valueOf(f);
        i = close;
      } else {
        atom = String.valueOf(c);
      }
      if (i + 1 < re.length() && (re.charAt(i + 1) == '*' || re.charAt(i + 1) == '?')) {
        i++;
        continue;
      }
      if (i + 1 < re.length() && re.charAt(i + 1) == '+') {
        i++;
      }
      sb.append(atom);
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parentOf(Map<String, Object> ev, String path,
      boolean create) {
    String[] parts = path.split("\\.");
    Map<String, Object> cur = ev;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = cur.get(parts[i]);
      if (!(next instanceof Map)) {
        if (!create) {
          return null;
        }
        next = new LinkedHashMap<String, Object>();
        cur.put(parts[i], next);
      }
      cur = (Map<String, Object>) next;
    }
    return cur;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static void put(Map<String, Object> ev, String path, Object v) {
    parentOf(ev, path, true).put(last(path), v);
  }

  private static Object get(Map<String, Object> ev, String path) {
    Map<String, Object> p = parentOf(ev, path, false);
    return p == null ? null : p.get(last(path));
  }

  private static void remove(Map<String, Object> ev, String path) {
    Map<String, Object> p = parentOf(ev, path, false);
    if (p != null) {
      p.remove(last(path));
    }
  }

  /** JSON text of maps, lists, strings, numbers and booleans. */
  static String json(Object o) {
    StringBuilder sb = new StringBuilder();
    write(sb, o);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Object o) {
    if (o instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (o instanceof String s) {
      sb.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      sb.append('"');
    } else {
      sb.append(o);
    }
  }
}
