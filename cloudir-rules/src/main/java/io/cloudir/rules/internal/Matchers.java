package io.cloudir.rules.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.cloudir.iam.policy.Policy;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
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
    return compile(t, types, false);
  }

  /**
   * Compiles a field test for records of the given types; {@code reference} builds the
   * straightforward form the reference path evaluates (every test reads the record itself and
   * tries its values one pattern at a time) instead of the fast one (values read once per record
   * through the context's cache, the patterns of a list tried together on each value).
   *
   * @throws IllegalArgumentException for an unknown field or a bad modifier chain
   */
  public static Compiled compile(FieldTest t, Set<SourceType> types, boolean reference) {
    Chain c = Modifiers.parse(t.modifiers());
    Accessor acc = accessor(t.field(), types, reference);
    List<Object> transforms = new ArrayList<>();
    for (String tr : c.transforms()) {
      transforms.add(tr.equals(Modifiers.PREFIXLEN) ? tr : FieldPaths.jsonSteps(tr));
    }
    if (c.op() == Op.EXISTS) {
      boolean want = (Boolean) t.values().get(0);
      Compiled slow = ctx -> present(values(ctx, acc, transforms)) == want;
      FieldPaths.RawString raw = reference || !transforms.isEmpty() ? null
          : FieldPaths.rawString(t.field(), types);
      if (raw == null) {
        return slow;
      }
      return ctx -> {
        if (!(ctx.record() instanceof CloudTrailEvent e)) {
          return slow.test(ctx);
        }
        long sp = raw.span(e);
        if (sp < 0) {
          return !want;
        }
        int s = (int) (sp >>> 32);
        byte first = e.buffer()[s];
        if (first == 'n') {
          return !want; // JSON null is no value
        }
        if (first == '"') {
          return ((int) sp - s > 2) == want; // "" is no value, any other string is one
        }
        return slow.test(ctx);
      };
    }
    if (c.fieldref()) {
      List<Accessor> refs = new ArrayList<>();
      for (Object v : t.values()) {
        refs.add(accessor((String) v, types, reference));
      }
      return ctx -> {
        List<Object> vals = values(ctx, acc, transforms);
        if (vals.isEmpty()) {
          return false;
        }
        int matched = 0;
        for (Accessor r : refs) {
          boolean any = false;
          for (Object rv : values(ctx, r, List.of())) {
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
    Compiled slow = reference ? general(c, acc, transforms, pats) : fast(c, acc, transforms, t.values(), pats);
    FieldPaths.RawString raw = reference || !transforms.isEmpty() ? null
        : FieldPaths.rawString(t.field(), types);
    if (raw == null) {
      return slow;
    }
    Compiled remembered = memoized(c, raw, slow);
    Compiled bytes = bytes(c, t.values(), raw, remembered);
    return bytes != null ? bytes : remembered;
  }

  /**
   * A regular expression's search with its answers remembered per text: the values it is asked
   * about repeat (a role ARN, a bucket name, a user agent), and a search by the automaton costs
   * far more than a lookup. Bounded ({@value #MAX} texts of at most {@value #MAX_TEXT} chars;
   * forgets everything when full). Thread-safe: compiled tests are shared by the sessions of an
   * engine, possibly on several threads.
   */
  static final class RememberedRegex {
    static final int MAX = 4096;
    static final int MAX_TEXT = 1024;
    private final Pattern pattern;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> answers =
        new java.util.concurrent.ConcurrentHashMap<>();

    RememberedRegex(Pattern pattern) {
      this.pattern = pattern;
    }

    /** Whether the pattern occurs in {@code text} (RE2/J {@code find}). */
    boolean find(String text) {
      if (text.length() > MAX_TEXT) {
        return pattern.matcher(text).find();
      }
      Boolean known = answers.get(text);
      if (known != null) {
        return known;
      }
      boolean found = pattern.matcher(text).find();
      if (answers.size() >= MAX) {
        answers.clear();
      }
      answers.put(text, found);
      return found;
    }
  }

  /** Source of the ids that key {@link ValueMemo} entries (one per memoised test). */
  private static final java.util.concurrent.atomic.AtomicInteger MEMO_IDS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * {@code slow} with its answers remembered per value in the context's {@link ValueMemo}: the
   * test reads one CloudTrail string field ({@code raw}) without transforms, so its answer is a
   * function of that field's JSON value alone, and the value's bytes key the answer. Only for
   * the operators worth it (text comparisons and regular expressions, which decode the value);
   * other record types, and values longer than the memo keeps, are tested every time.
   */
  private static Compiled memoized(Chain c, FieldPaths.RawString raw, Compiled slow) {
    switch (c.op()) {
      case EQUALS, CONTAINS, STARTSWITH, ENDSWITH, RE -> { }
      default -> {
        return slow;
      }
    }
    int id = MEMO_IDS.incrementAndGet();
    return ctx -> {
      if (!(ctx.record() instanceof CloudTrailEvent e)) {
        return slow.test(ctx);
      }
      long sp = raw.span(e);
      int s = (int) (sp >>> 32);
      int end = (int) sp;
      if (sp < 0 || end - s > ValueMemo.MAX_KEY) {
        return slow.test(ctx);
      }
      byte[] b = e.buffer();
      ValueMemo m = ctx.valueMemo();
      int h = ValueMemo.hash(b, s, end);
      int known = m.get(id, b, s, end, h);
      if (known >= 0) {
        return known == 1;
      }
      boolean answer = slow.test(ctx);
      m.put(id, b, s, end, h, answer);
      return answer;
    };
  }

  /** The fast form: each value prepared once for all the patterns it may match. */
  private static Compiled fast(Chain c, Accessor acc, List<Object> transforms, List<Object> values,
      List<Pat> pats) {
    if (c.all() || pats.isEmpty()) {
      return general(c, acc, transforms, pats);
    }
    Pat any = pats.size() == 1 ? pats.get(0) : anyOf(c, values, pats);
    return ctx -> {
      List<Object> vals = values(ctx, acc, transforms);
      return !vals.isEmpty() && anyValue(vals, any);
    };
  }

  /** The general form: every pattern tried on every value. */
  private static Compiled general(Chain c, Accessor acc, List<Object> transforms, List<Pat> pats) {
    Pat[] pa = pats.toArray(new Pat[0]);
    return ctx -> {
      List<Object> vals = values(ctx, acc, transforms);
      if (vals.isEmpty()) {
        return false;
      }
      if (c.all()) {
        for (Pat p : pa) {
          if (!anyValue(vals, p)) {
            return false;
          }
        }
        return true;
      }
      for (Pat p : pa) {
        if (anyValue(vals, p)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * A pattern tried on the bytes of a plain ASCII string ({@link AsciiText#plain}): 1 matches, 0
   * does not, -1 unknown (decode the value and ask the pattern).
   */
  private interface BytePat {
    int match(byte[] b, int s, int e);
  }

  /**
   * The test on the raw bytes of a CloudTrail string field, falling back to {@code slow} for
   * anything else (another record type, a value that is not a plain ASCII string, an unknown
   * answer); null when a value has no byte form.
   */
  private static @Nullable Compiled bytes(Chain c, List<Object> values, FieldPaths.RawString raw,
      Compiled slow) {
    BytePat[] bps;
    if (c.op() == Op.CIDR && !c.all()) {
      bps = new BytePat[] {cidrBytes(values)};
    } else {
      bps = new BytePat[values.size()];
      for (int i = 0; i < bps.length; i++) {
        BytePat p = bytePattern(c, values.get(i));
        if (p == null) {
          return null;
        }
        bps[i] = p;
      }
    }
    if (bps.length == 0) {
      return null;
    }
    boolean all = c.all();
    return ctx -> {
      if (!(ctx.record() instanceof CloudTrailEvent e)) {
        return slow.test(ctx);
      }
      long sp = raw.plainSpan(ctx, e);
      if (sp == -1 || sp == -2) {
        return false; // no value, or JSON null (no value either)
      }
      if (sp < 0) {
        return slow.test(ctx); // not a plain ASCII string
      }
      byte[] b = e.buffer();
      int s = (int) (sp >>> 32);
      int end = (int) sp;
      boolean unknown = false;
      for (BytePat p : bps) {
        int r = p.match(b, s, end);
        if (r == 1 && !all) {
          return true;
        }
        if (r == 0 && all) {
          return false;
        }
        unknown |= r < 0;
      }
      return unknown ? slow.test(ctx) : all;
    };
  }

  /** The byte form of {@link #pattern} for one value, or null when it has none. */
  private static @Nullable BytePat bytePattern(Chain c, Object v) {
    boolean fold = !c.cased();
    switch (c.op()) {
      case EQUALS, CONTAINS, STARTSWITH, ENDSWITH -> {
        if (c.op() == Op.EQUALS && !(v instanceof String)) {
          return null; // compared as a number or boolean
        }
        String text = Values.text(v);
        if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('\\') >= 0) {
          return null; // a wildcard pattern
        }
        byte[] n = AsciiText.needle(text, fold);
        if (n == null) {
          return null; // non-ASCII: left to the string comparison (folding partners)
        }
        return switch (c.op()) {
          case EQUALS -> (b, s, e) -> AsciiText.equalsNeedle(b, s, e, n, fold) ? 1 : 0;
          case STARTSWITH -> (b, s, e) -> AsciiText.startsWith(b, s, e, n, fold) ? 1 : 0;
          case ENDSWITH -> (b, s, e) -> AsciiText.endsWith(b, s, e, n, fold) ? 1 : 0;
          default -> (b, s, e) -> AsciiText.contains(b, s, e, n, fold) ? 1 : 0;
        };
      }
      case RE -> {
        RegexLiterals lit = RegexLiterals.analyse((String) v, c.reFlags());
        return lit.bytesFirst() ? lit::testAscii : null;
      }
      case CIDR -> {
        return cidrBytes(List.of(v));
      }
      default -> {
        return null;
      }
    }
  }

  /** Membership of an address written as plain ASCII in one of the networks. */
  private static BytePat cidrBytes(List<Object> values) {
    Cidr[] nets = new Cidr[values.size()];
    // the IPv4 networks as (bits, mask) pairs: an IPv4 address is tested without allocating
    List<long[]> v4 = new ArrayList<>();
    for (int i = 0; i < nets.length; i++) {
      nets[i] = Cidr.parse((String) values.get(i));
      if (nets[i].address().isV4()) {
        int p = nets[i].prefix();
        long mask = p == 0 ? 0 : (0xFFFFFFFFL << (32 - p)) & 0xFFFFFFFFL;
        v4.add(new long[] {nets[i].address().v4Bits() & 0xFFFFFFFFL & mask, mask});
      }
    }
    long[] v4Bits = v4.stream().mapToLong(x -> x[0]).toArray();
    long[] v4Masks = v4.stream().mapToLong(x -> x[1]).toArray();
    return (b, s, e) -> {
      for (int i = s; i < e; i++) {
        if (b[i] == '/' || b[i] == ' ') {
          return -1; // a network, or space to trim: as the string form does
        }
      }
      long a = io.cloudir.model.net.IpAddress.parseV4(b, s, e);
      if (a >= 0) {
        for (int i = 0; i < v4Bits.length; i++) {
          if ((a & v4Masks[i]) == v4Bits[i]) {
            return 1;
          }
        }
        return 0;
      }
      io.cloudir.model.net.IpAddress ip = io.cloudir.model.net.IpAddress.tryParse(b, s, e);
      if (ip == null) {
        return 0;
      }
      Cidr inner = new Cidr(ip, ip.isV4() ? 32 : 128);
      for (Cidr net : nets) {
        if (net.contains(inner)) {
          return 1;
        }
      }
      return 0;
    };
  }

  private static Accessor accessor(String path, Set<SourceType> types, boolean reference) {
    return reference ? FieldPaths.compileUncached(path, types) : FieldPaths.compile(path, types);
  }

  /** A pattern that matches a value when one of {@code pats} (made from {@code values}) does. */
  private static Pat anyOf(Chain c, List<Object> values, List<Pat> pats) {
    if (c.op() == Op.CIDR) {
      Cidr[] nets = new Cidr[values.size()];
      for (int i = 0; i < nets.length; i++) {
        nets[i] = Cidr.parse((String) values.get(i));
      }
      return x -> {
        if (x instanceof JsonValue) {
          return false;
        }
        Cidr inner = Cidr.tryParse(Values.text(x));
        if (inner == null) {
          return false;
        }
        for (Cidr net : nets) {
          if (net.contains(inner)) {
            return true;
          }
        }
        return false;
      };
    }
    Pat[] all = pats.toArray(new Pat[0]);
    return x -> {
      for (Pat p : all) {
        if (p.match(x)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * A rough relative cost of evaluating a test once, to try the cheap tests of a selection
   * first: reading the field (a typed field, a JSON walk, the attribution, the enricher), the
   * transforms and the comparisons.
   */
  static int cost(FieldTest t) {
    Chain c;
    try {
      c = Modifiers.parse(t.modifiers());
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE / 4;
    }
    String f = t.field();
    int cost;
    if (f.startsWith("actor.")) {
      cost = 40;
    } else if (f.startsWith("geo.")) {
      cost = 30;
    } else {
      int depth = 0;
      for (int i = 0; i < f.length(); i++) {
        char ch = f.charAt(i);
        if (ch == '.' || ch == '[') {
          depth++;
        }
      }
      cost = depth == 0 ? 1 : 4 + 3 * depth;
    }
    cost += 50 * c.transforms().size();
    int n = Math.max(1, t.values().size());
    cost += switch (c.op()) {
      case EXISTS -> 0;
      case EQUALS -> n;
      case CONTAINS, STARTSWITH, ENDSWITH -> 2 * n;
      case RE -> 8 * n;
      case CIDR -> 6 + n;
      case GT, GTE, LT, LTE -> 4 * n;
      default -> 100 * n;
    };
    return c.fieldref() ? cost + 10 : cost;
  }

  /**
   * Whether a field has a value for {@code exists}: a value other than the empty string (JSON
   * null is no value already). CloudTrail leaves {@code errorCode} out of successful calls; an
   * empty one carries no error either.
   */
  static boolean present(List<Object> vals) {
    for (int i = 0, n = vals.size(); i < n; i++) { // indexed: no iterator per record
      Object v = vals.get(i);
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
    for (int i = 0, n = vals.size(); i < n; i++) { // indexed: no iterator per record
      Object v = vals.get(i);
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
    List<Object> vals;
    if (acc instanceof FieldPaths.Cached cached) {
      vals = cached.values(ctx); // the context's: read, never changed
    } else {
      vals = new ArrayList<>(2);
      acc.collect(ctx, vals);
    }
    for (int t = 0, nt = transforms.size(); t < nt; t++) { // indexed: no iterator per record
      Object tr = transforms.get(t);
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
        RegexLiterals lit = RegexLiterals.analyse((String) v, c.reFlags());
        RememberedRegex found = new RememberedRegex(regex((String) v, c.reFlags()));
        return x -> {
          if (x instanceof JsonValue) {
            return false;
          }
          String text = Values.text(x);
          int known = lit.test(text);
          return known >= 0 ? known == 1 : found.find(text);
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
