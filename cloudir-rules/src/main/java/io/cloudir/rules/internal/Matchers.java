package io.cloudir.rules.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.cloudir.iam.policy.Policy;
import io.cloudir.model.SourceType;
import io.cloudir.model.json.JsonValue;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.internal.Modifiers.Chain;
import io.cloudir.rules.internal.Modifiers.Op;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Compiles {@link FieldTest}s into {@link Compiled} predicates over the current record. */
public final class Matchers {
  private Matchers() {}

  /** The most values a field (after transforms) contributes to one test. */
  static final int MAX_VALUES = 10_000;

  /** A compiled field test. */
  public interface Compiled {
    /** Whether the test holds for the context's record. */
    boolean test(EvalContext ctx);
  }

  /**
   * Compiles a RE2 expression with flags.
   *
   * @throws IllegalArgumentException when the expression is invalid
   */
  public static Pattern regex(String re, String flags) {
    int f = 0;
    if (flags.indexOf('i') >= 0) {
      f |= Pattern.CASE_INSENSITIVE;
    }
    if (flags.indexOf('m') >= 0) {
      f |= Pattern.MULTILINE;
    }
    if (flags.indexOf('s') >= 0) {
      f |= Pattern.DOTALL;
    }
    try {
      return Pattern.compile(re, f);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression '" + re + "': "
          + e.getMessage(), e);
    }
  }

  /** One value to compare with (compiled per operator). */
  private interface Pat {
    boolean match(Object value);
  }

  /**
   * Compiles a field test for records of the given types.
   *
   * @throws IllegalArgumentException for an unknown field or a bad modifier chain
   */
  public static Compiled compile(FieldTest t, Set<SourceType> types) {
    Chain c = Modifiers.parse(t.modifiers());
    Accessor acc = FieldPaths.compile(t.field(), types);
    List<Object> transforms = new ArrayList<>();
    for (String tr : c.transforms()) {
      transforms.add(tr.equals(Modifiers.PREFIXLEN) ? tr : FieldPaths.jsonSteps(tr));
    }
    if (c.op() == Op.EXISTS) {
      boolean want = (Boolean) t.values().get(0);
      return ctx -> present(values(ctx, acc, transforms)) == want;
    }
    if (c.fieldref()) {
      List<Accessor> refs = new ArrayList<>();
      for (Object v : t.values()) {
        refs.add(FieldPaths.compile((String) v, types));
      }
      return ctx -> {
        List<Object> vals = values(ctx, acc, transforms);
        if (vals.isEmpty()) {
          return false;
        }
        int matched = 0;
        for (Accessor r : refs) {
          List<Object> refVals = new ArrayList<>();
          r.collect(ctx, refVals);
          boolean any = false;
          for (Object rv : refVals) {
            Pat p = pattern(c, rv, true);
            if (anyValue(vals, p)) {
              any = true;
              break;
            }
          }
          if (any) {
            matched++;
            if (!c.all()) {
              return true;
            }
          } else if (c.all()) {
            return false;
          }
        }
        return c.all() && matched == refs.size();
      };
    }
    List<Pat> pats = new ArrayList<>();
    for (Object v : t.values()) {
      pats.add(pattern(c, v, false));
    }
    return ctx -> {
      List<Object> vals = values(ctx, acc, transforms);
      if (vals.isEmpty()) {
        return false;
      }
      if (c.all()) {
        for (Pat p : pats) {
          if (!anyValue(vals, p)) {
            return false;
          }
        }
        return true;
      }
      for (Pat p : pats) {
        if (anyValue(vals, p)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * Whether a field has a value for {@code exists}: a value other than the empty string (JSON
   * null is no value already). CloudTrail leaves {@code errorCode} out of successful calls; an
   * empty one carries no error either.
   */
  static boolean present(List<Object> vals) {
    for (Object v : vals) {
      if (!(v instanceof String s && s.isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code p} matches a value, or — for a JSON array — the value itself or any of its
   * elements (nested arrays flattened): a list-valued field matches when one element does,
   * without a {@code [*]} in the path.
   */
  private static boolean anyValue(List<Object> vals, Pat p) {
    for (Object v : vals) {
      if (p.match(v) || (v instanceof JsonValue j && j.isArray() && anyElement(j, p))) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyElement(JsonValue array, Pat p) {
    List<Object> one = new ArrayList<>(1);
    for (JsonValue e : array.elements()) {
      if (e.isArray()) {
        if (anyElement(e, p)) {
          return true;
        }
        continue;
      }
      one.clear();
      Values.addJson(e, one);
      if (!one.isEmpty() && p.match(one.get(0))) {
        return true;
      }
    }
    return false;
  }

  /** The values of the field after the transforms. */
  static List<Object> values(EvalContext ctx, Accessor acc, List<Object> transforms) {
    List<Object> vals = new ArrayList<>(2);
    acc.collect(ctx, vals);
    for (Object tr : transforms) {
      List<Object> next = new ArrayList<>(vals.size());
      for (Object v : vals) {
        if (tr instanceof String) {
          Cidr cidr = Cidr.tryParse(Values.text(v));
          if (cidr != null) {
            next.add((long) cidr.prefix());
          }
        } else {
          JsonValue j = asJson(v);
          if (j != null) {
            @SuppressWarnings("unchecked")
            List<Object> steps = (List<Object>) tr;
            FieldPaths.walk(j, steps, 0, next);
          }
        }
        if (next.size() > MAX_VALUES) {
          break;
        }
      }
      vals = next;
    }
    return vals;
  }

  private static @Nullable JsonValue asJson(Object v) {
    if (v instanceof JsonValue j) {
      return j;
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.isEmpty() || t.length() > (1 << 20)) {
        return null;
      }
      char c = t.charAt(0);
      if (c != '{' && c != '[') {
        return null;
      }
      try {
        return JsonValue.parse(t);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static Pat pattern(Chain c, Object v, boolean literal) {
    switch (c.op()) {
      case EQUALS -> {
        if (v instanceof Boolean b) {
          return x -> x instanceof Boolean xb ? xb.equals(b) : Values.text(x).equalsIgnoreCase(
              b.toString());
        }
        if (!(v instanceof String)) {
          BigDecimal n = Values.number(v);
          String text = Values.text(v);
          return x -> {
            BigDecimal xn = Values.number(x);
            return xn != null && n != null ? xn.compareTo(n) == 0 : Values.text(x).equals(text);
          };
        }
        Glob g = literal ? Glob.literal(Values.text(v), c.cased())
            : Glob.compile((String) v, c.cased());
        return x -> !(x instanceof JsonValue) && g.matches(Values.text(x));
      }
      case CONTAINS, STARTSWITH, ENDSWITH -> {
        Glob g0 = literal ? Glob.literal(Values.text(v), c.cased())
            : Glob.compile(Values.text(v), c.cased());
        Glob g = g0.wrap(c.op() != Op.STARTSWITH, c.op() != Op.ENDSWITH);
        return x -> g.matches(Values.text(x));
      }
      case RE -> {
        Pattern p = regex((String) v, c.reFlags());
        RegexLiterals lit = RegexLiterals.analyse((String) v, c.reFlags());
        return x -> {
          if (x instanceof JsonValue) {
            return false;
          }
          String text = Values.text(x);
          int known = lit.test(text);
          return known >= 0 ? known == 1 : p.matcher(text).find();
        };
      }
      case CIDR -> {
        Cidr net = Cidr.parse((String) v);
        return x -> {
          if (x instanceof JsonValue) {
            return false;
          }
          Cidr inner = Cidr.tryParse(Values.text(x));
          return inner != null && net.contains(inner);
        };
      }
      case GT, GTE, LT, LTE -> {
        return compare(c.op(), v);
      }
      case GRANTSADMIN -> {
        boolean want = (Boolean) v;
        return x -> {
          Policy p = IamChecks.policy(x);
          return p != null && IamChecks.grantsAdmin(p) == want;
        };
      }
      case ALLOWSPUBLIC -> {
        boolean want = (Boolean) v;
        return x -> {
          Policy p = IamChecks.policy(x);
          return p != null && IamChecks.allowsPublic(p) == want;
        };
      }
      case EXTERNALPRINCIPAL -> {
        String account = Values.text(v);
        return x -> {
          Policy p = IamChecks.policy(x);
          return p != null && IamChecks.externalPrincipal(p, account);
        };
      }
      default -> throw new IllegalArgumentException("operator " + c.op() + " takes no value");
    }
  }

  private static Pat compare(Op op, Object v) {
    Instant time = v instanceof String s ? Values.time(s) : null;
    BigDecimal num = Values.number(v);
    return x -> {
      int cmp;
      if (time != null) {
        Instant xt = Values.timeOf(x);
        if (xt == null) {
          return false;
        }
        cmp = xt.compareTo(time);
      } else {
        BigDecimal xn = Values.number(x);
        if (xn == null || num == null) {
          return false;
        }
        cmp = xn.compareTo(num);
      }
      return switch (op) {
        case GT -> cmp > 0;
        case GTE -> cmp >= 0;
        case LT -> cmp < 0;
        default -> cmp <= 0;
      };
    };
  }
}
