package io.cloudir.rules.sigma;

import static org.quicktheories.QuickTheory.qt;

import io.cloudir.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The condition of an imported Sigma rule agrees with a reference evaluator on random boolean
 * formulas: random trees of selections, {@code not}, {@code and}, {@code or}, {@code 1 of
 * pattern} and {@code all of pattern}/{@code them}, written as Sigma text with random keyword
 * case and only the parentheses precedence needs (plus some redundant ones), imported through
 * the whole Sigma reader and evaluated on every assignment of the selections.
 */
class SigmaConditionPropertyTest {
  private static final List<String> NAMES = List.of("sel_a", "sel_b", "filter_a", "filter_b",
      "other");

  /** A formula of the reference model. */
  sealed interface F permits Var, Not, And, Or, Of {}

  record Var(int i) implements F {}

  record Not(F f) implements F {}

  record And(F l, F r) implements F {}

  record Or(F l, F r) implements F {}

  /** pattern: a prefix ("sel_", "filter_") or null for "them". */
  record Of(boolean all, String pattern) implements F {}

  static boolean eval(F f, int bits) {
    if (f instanceof Var v) {
      return ((bits >> v.i()) & 1) == 1;
    }
    if (f instanceof Not n) {
      return !eval(n.f(), bits);
    }
    if (f instanceof And a) {
      return eval(a.l(), bits) && eval(a.r(), bits);
    }
    if (f instanceof Or o) {
      return eval(o.l(), bits) || eval(o.r(), bits);
    }
    Of of = (Of) f;
    int count = 0;
    int matched = 0;
    for (int i = 0; i < NAMES.size(); i++) {
      if (of.pattern() == null || NAMES.get(i).startsWith(of.pattern())) {
        count++;
        if (((bits >> i) & 1) == 1) {
          matched++;
        }
      }
    }
    return of.all() ? matched == count : matched > 0;
  }

  static F random(SplittableRandom r, int depth) {
    int k = depth > 4 ? r.nextInt(2) : r.nextInt(6);
    return switch (k) {
      case 0 -> new Var(r.nextInt(NAMES.size()));
      case 1 -> {
        int p = r.nextInt(3);
        yield new Of(r.nextBoolean(), p == 0 ? null : p == 1 ? "sel_" : "filter_");
      }
      case 2 -> new Not(random(r, depth + 1));
      case 3, 4 -> new And(random(r, depth + 1), random(r, depth + 1));
      default -> new Or(random(r, depth + 1), random(r, depth + 1));
    };
  }

  private static String kw(SplittableRandom r, String k) {
    return switch (r.nextInt(3)) {
      case 0 -> k;
      case 1 -> k.toUpperCase(Locale.ROOT);
      default -> Character.toUpperCase(k.charAt(0)) + k.substring(1);
    };
  }

  /** Sigma text; prec: 0 or, 1 and, 2 not/atom. */
  static String text(F f, SplittableRandom r, int outer) {
    String s;
    int prec;
    if (f instanceof Var v) {
      s = NAMES.get(v.i());
      prec = 3;
    } else if (f instanceof Of of) {
      s = (of.all() ? kw(r, "all") : r.nextBoolean() ? "1" : kw(r, "any")) + " " + kw(r, "of")
          + " " + (of.pattern() == null ? kw(r, "them") : of.pattern() + "*");
      prec = 3;
    } else if (f instanceof Not n) {
      s = kw(r, "not") + " " + text(n.f(), r, 2);
      prec = 2;
    } else if (f instanceof And a) {
      s = text(a.l(), r, 1) + " " + kw(r, "and") + " " + text(a.r(), r, 2);
      prec = 1;
    } else {
      Or o = (Or) f;
      s = text(o.l(), r, 0) + " " + kw(r, "or") + " " + text(o.r(), r, 1);
      prec = 0;
    }
    return prec < outer || r.nextInt(6) == 0 ? "(" + s + ")" : s;
  }

  @Test
  void importedConditionAgreesWithTheReference() {
    qt().withExamples(400).forAll(SourceDSL.longs().all()).check(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      F f = random(r, 0);
      String cond = text(f, r, 0);
      StringBuilder y = new StringBuilder("title: t\nid: prop\nlogsource: {product: aws,"
          + " service: cloudtrail}\ndetection:\n");
      for (String n : NAMES) {
        y.append("    ").append(n).append(": {eventName: ").append(n).append("}\n");
      }
      y.append("    condition: '").append(cond).append("'\n");
      Rule rule = SigmaImporter.create().parse("p.yml", y.toString()).get(0);
      List<String> names = new ArrayList<>(rule.selections().keySet());
      for (int bits = 0; bits < 1 << NAMES.size(); bits++) {
        final int b = bits;
        boolean got = rule.condition().evaluate(names, n -> ((b >> NAMES.indexOf(n)) & 1) == 1);
        if (got != eval(f, bits)) {
          System.err.println("seed " + seed + ": '" + cond + "' differs at " + bits);
          return false;
        }
      }
      return true;
    });
  }
}
