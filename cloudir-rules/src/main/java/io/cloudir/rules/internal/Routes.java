package io.cloudir.rules.internal;

import io.cloudir.rules.Condition;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Selection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Infers from a rule's condition the values a CloudTrail field ({@code eventName}, {@code
 * eventSource}) must have for the rule to fire, so the engine can route events to the rules that
 * can match them. {@code null} means "any value".
 */
public final class Routes {
  private Routes() {}

  /** The lower-case values {@code field} must equal for the rule to fire, or null for any. */
  public static @Nullable Set<String> required(Rule r, String field) {
    return need(r.condition(), r.selections(), new ArrayList<>(r.selections().keySet()), field);
  }

  /**
   * The lower-case values {@code field} must equal for any of the named selections to hold, or
   * null for any (used for sequences, whose steps name selections).
   */
  public static @Nullable Set<String> requiredAny(Rule r, List<String> selections, String field) {
    Set<String> acc = new LinkedHashSet<>();
    for (String n : selections) {
      Selection s = r.selections().get(n);
      Set<String> one = s == null ? null : selection(s, field);
      if (one == null) {
        return null;
      }
      acc.addAll(one);
    }
    return acc;
  }

  private static @Nullable Set<String> need(Condition c, Map<String, Selection> sels,
      List<String> names, String field) {
    if (c instanceof Condition.Ref ref) {
      Selection s = sels.get(ref.name());
      return s == null ? null : selection(s, field);
    }
    if (c instanceof Condition.Not) {
      return null;
    }
    if (c instanceof Condition.And and) {
      Set<String> acc = null;
      for (Condition o : and.operands()) {
        acc = intersect(acc, need(o, sels, names, field));
      }
      return acc;
    }
    if (c instanceof Condition.Or or) {
      Set<String> acc = new LinkedHashSet<>();
      for (Condition o : or.operands()) {
        Set<String> n = need(o, sels, names, field);
        if (n == null) {
          return null;
        }
        acc.addAll(n);
      }
      return acc;
    }
    Condition.Of of = (Condition.Of) c;
    List<String> ex = of.expand(names);
    if (of.all()) {
      Set<String> acc = null;
      for (String n : ex) {
        acc = intersect(acc, need(new Condition.Ref(n), sels, names, field));
      }
      return acc;
    }
    if (ex.isEmpty()) {
      return null;
    }
    Set<String> acc = new LinkedHashSet<>();
    for (String n : ex) {
      Set<String> s = need(new Condition.Ref(n), sels, names, field);
      if (s == null) {
        return null;
      }
      acc.addAll(s);
    }
    return acc;
  }

  private static @Nullable Set<String> intersect(@Nullable Set<String> a, @Nullable Set<String> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    Set<String> r = new LinkedHashSet<>(a);
    r.retainAll(b);
    return r;
  }

  private static @Nullable Set<String> selection(Selection s, String field) {
    Set<String> acc = new LinkedHashSet<>();
    for (List<FieldTest> group : s.alternatives()) {
      Set<String> g = null;
      for (FieldTest t : group) {
        g = intersect(g, test(t, field));
      }
      if (g == null) {
        return null;
      }
      acc.addAll(g);
    }
    return acc;
  }

  private static @Nullable Set<String> test(FieldTest t, String field) {
    if (!t.field().equals(field)) {
      return null;
    }
    Modifiers.Chain c = Modifiers.parse(t.modifiers());
    if (c.op() != Modifiers.Op.EQUALS || c.fieldref() || !c.transforms().isEmpty()
        || (c.all() && t.values().size() > 1)) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object v : t.values()) {
      if (!(v instanceof String s) || s.indexOf('*') >= 0 || s.indexOf('?') >= 0
          || s.indexOf('\\') >= 0) {
        return null;
      }
      out.add(s.toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
