package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.cloudir.model.LogRecord;
import io.cloudir.rules.internal.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Properties of the wildcard matcher, the condition algebra and sessions. */
class PropertiesTest {

  /** Reference wildcard matching by plain recursion over an explicit token list. */
  private static boolean reference(List<Character> tokens, List<Boolean> wild, String s, int i,
      int j) {
    if (j == tokens.size()) {
      return i == s.length();
    }
    if (wild.get(j) && tokens.get(j) == '*') {
      for (int k = i; k <= s.length(); k++) {
        if (reference(tokens, wild, s, k, j + 1)) {
          return true;
        }
      }
      return false;
    }
    if (i == s.length()) {
      return false;
    }
    boolean one = wild.get(j) && tokens.get(j) == '?';
    return (one || Character.toLowerCase(tokens.get(j)) == Character.toLowerCase(s.charAt(i)))
        && reference(tokens, wild, s, i + 1, j + 1);
  }

  private static final Gen<String> SMALL = SourceDSL.strings().betweenCodePoints('*', 'c')
      .ofLengthBetween(0, 7).map(s -> s.replaceAll("[^*?\\\\aAbBc]", "a"));

  @Test
  void wildcardMatcherAgreesWithReference() {
    qt().withExamples(3000).forAll(SMALL, SourceDSL.strings().betweenCodePoints('A', 'c')
        .ofLengthBetween(0, 8).map(s -> s.replaceAll("[^aAbBc*?]", "b")))
        .check((pattern, text) -> {
          List<Character> tokens = new ArrayList<>();
          List<Boolean> wild = new ArrayList<>();
          for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && "*?\\".indexOf(pattern.charAt(i + 1)) >= 0) {
              tokens.add(pattern.charAt(++i));
              wild.add(false);
            } else {
              tokens.add(c);
              wild.add(c == '*' || c == '?');
            }
          }
          return Glob.compile(pattern, false).matches(text)
              == reference(tokens, wild, text, 0, 0);
        });
  }

  /** A random condition tree over selections s0..s3 and a random assignment. */
  private static Condition randomCondition(SplittableRandom r, int depth) {
    int k = depth > 3 ? 0 : r.nextInt(6);
    return switch (k) {
      case 0, 1 -> new Condition.Ref("s" + r.nextInt(4));
      case 2 -> new Condition.Not(randomCondition(r, depth + 1));
      case 3 -> new Condition.And(List.of(randomCondition(r, depth + 1),
          randomCondition(r, depth + 1)));
      case 4 -> new Condition.Or(List.of(randomCondition(r, depth + 1),
          randomCondition(r, depth + 1)));
      default -> new Condition.Of(r.nextBoolean(), r.nextBoolean() ? "them" : "s*");
    };
  }

  private static final List<String> NAMES = List.of("s0", "s1", "s2", "s3");

  @Test
  void conditionAlgebra() {
    qt().withExamples(2000).forAll(SourceDSL.longs().all(), SourceDSL.integers().between(0, 15))
        .check((seed, bits) -> {
          SplittableRandom r = new SplittableRandom(seed);
          Condition x = randomCondition(r, 0);
          Condition y = randomCondition(r, 0);
          Predicate<String> v = n -> ((bits >> (n.charAt(1) - '0')) & 1) == 1;
          boolean ex = x.evaluate(NAMES, v);
          boolean ey = y.evaluate(NAMES, v);
          boolean notNot = new Condition.Not(new Condition.Not(x)).evaluate(NAMES, v) == ex;
          boolean deMorgan1 = new Condition.Not(new Condition.And(List.of(x, y))).evaluate(NAMES, v)
              == new Condition.Or(List.of(new Condition.Not(x), new Condition.Not(y)))
                  .evaluate(NAMES, v);
          boolean deMorgan2 = new Condition.Not(new Condition.Or(List.of(x, y))).evaluate(NAMES, v)
              == new Condition.And(List.of(new Condition.Not(x), new Condition.Not(y)))
                  .evaluate(NAMES, v);
          // printing and parsing back gives the same truth value
          boolean roundTrip = Condition.parse(x.toString()).evaluate(NAMES, v) == ex;
          boolean andOr = new Condition.And(List.of(x, y)).evaluate(NAMES, v) == (ex && ey)
              && new Condition.Or(List.of(x, y)).evaluate(NAMES, v) == (ex || ey);
          return notNot && deMorgan1 && deMorgan2 && roundTrip && andOr;
        });
  }

  @Test
  void ofExpressionsCountSelections() {
    Predicate<String> only1 = n -> n.equals("s1");
    assertEquals(true, Condition.parse("1 of s*").evaluate(NAMES, only1));
    assertEquals(false, Condition.parse("all of them").evaluate(NAMES, only1));
    assertEquals(true, Condition.parse("all of s1").evaluate(NAMES, only1));
    assertEquals(false, Condition.parse("1 of x*").evaluate(NAMES, only1));
  }

  @Test
  void sessionOutputDoesNotDependOnChunking() {
    Engine engine = Engine.compile(RuleLoader.load(ExampleRulesTest.examplesDir()));
    List<LogRecord> records = new ArrayList<>();
    for (Rule rule : engine.rules()) {
      for (RuleTest t : rule.tests()) {
        int i = 0;
        for (TestEvent e : t.events()) {
          records.add(RuleTester.record(e, rule.id(), i++));
        }
      }
    }
    List<String> whole = new ArrayList<>();
    Session s = engine.newSession(f -> whole.add(f.toJson()));
    s.acceptAll(records);
    s.flush();
    qt().withExamples(50).forAll(SourceDSL.longs().all()).check(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<String> got = new ArrayList<>();
      Session c = engine.newSession(f -> got.add(f.toJson()));
      int i = 0;
      while (i < records.size()) {
        int n = 1 + r.nextInt(7);
        c.acceptAll(records.subList(i, Math.min(records.size(), i + n)));
        i += n;
      }
      c.flush();
      return got.equals(whole) && !whole.isEmpty();
    });
  }
}
