package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests of the ARN algebra against brute-force references written here. */
class ArnPropertiesTest {

  // ------------------------------------------------------------------ generators

  /** Strings of length [min, max] over the characters of {@code alphabet}. */
  static Gen<String> over(String alphabet, int min, int max) {
    List<Character> chars = new ArrayList<>();
    for (char c : alphabet.toCharArray()) {
      chars.add(c);
    }
    return lists()
        .of(arbitrary().pick(chars))
        .ofSizeBetween(min, max)
        .map(
            l -> {
              StringBuilder sb = new StringBuilder();
              l.forEach(sb::append);
              return sb.toString();
            });
  }

  static final Gen<String> PARTITIONS =
      arbitrary()
          .pick("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc", "aws-new-x");
  static final Gen<String> SERVICES =
      arbitrary()
          .pick("iam", "s3", "sts", "lambda", "logs", "ec2", "dynamodb", "sns", "sqs", "kms", "apigateway", "execute-api", "ecs")
          .mix(over("abz09-", 1, 6));
  static final Gen<String> REGIONS =
      arbitrary()
          .pick("", "us-east-1", "us-gov-west-1", "cn-north-1", "eusc-de-east-1", "us-isob-east-1")
          .mix(
              over("abcz", 2, 4)
                  .zip(over("az09", 1, 5), over("0123456789", 1, 2), (a, b, c) -> a + "-" + b + "-" + c));
  static final Gen<String> ACCOUNTS =
      arbitrary().pick("", "aws", "123456789012").mix(over("0123456789", 12, 12));
  /** Resources with separators, wildcard characters, spaces and non-ASCII. */
  static final Gen<String> RESOURCES =
      over("ab/:*?$ .-_é\u4e2d", 1, 16)
          .mix(
              arbitrary()
                  .pick(
                      "role/service-role/x", "assumed-role/R/s", "function:f:alias", "log-group:g:*",
                      "table/t/stream/x", "/restapis/a/stages/b", "role/", "a/", ":", "/"));

  static final Gen<String[]> ARN_PARTS =
      PARTITIONS.zip(
          SERVICES, REGIONS, ACCOUNTS, RESOURCES, (p, s, r, a, res) -> new String[] {p, s, r, a, res});

  // ------------------------------------------------------------------ Arn

  @Test
  void parseToStringRoundTripAndParts() {
    qt().forAll(ARN_PARTS)
        .checkAssert(
            parts -> {
              String text = "arn:" + String.join(":", parts);
              Arn arn = Arn.parse(text);
              assertEquals(text, arn.toString());
              assertEquals(parts[0], arn.partition());
              assertEquals(parts[1], arn.service());
              assertEquals(parts[2], arn.region());
              assertEquals(parts[3], arn.account());
              assertEquals(parts[4], arn.resource());
              assertEquals(arn, Arn.parse(arn.toString()));
              // the split pieces are pieces of the resource, in order
              String res = arn.resource();
              String type = arn.resourceType();
              String id = arn.resourceId();
              String qual = arn.qualifier();
              int at = 0;
              if (type != null) {
                at = res.indexOf(type);
                assertTrue(at == 0 || at == 1, "type at the start: " + text);
                at += type.length() + 1;
              }
              int idAt = res.indexOf(id, Math.min(at, res.length()));
              assertTrue(idAt >= 0, "id inside the resource: " + text);
              if (qual != null) {
                assertTrue(res.endsWith(qual), "qualifier ends the resource: " + text);
              } else if (arn.path() == null && arn.bucket() == null) {
                assertTrue(res.endsWith(id), "id ends the resource: " + text);
              }
            });
  }

  /** An independent statement of the ARN grammar (a regex is fine in a test). */
  private static final Pattern ARN_GRAMMAR =
      Pattern.compile(
          "arn:aws(-[a-z]+)*:[a-z0-9-]+:([a-z]{2,}(-[a-z0-9]+)*-[0-9]+)?:([0-9]{12}|aws)?:[^\\x00-\\x1f\\x7f]+",
          Pattern.DOTALL);

  @Test
  void validationAgreesWithTheGrammarOnMutatedArns() {
    Gen<String> mutated =
        ARN_PARTS
            .map(parts -> "arn:" + String.join(":", parts))
            .zip(
                integers().between(0, 60),
                over("aA:-/0\n", 0, 2),
                integers().between(0, 2),
                (s, pos, ins, del) -> {
                  int p = Math.min(pos, s.length());
                  int d = Math.min(del, s.length() - p);
                  return s.substring(0, p) + ins + s.substring(p + d);
                });
    qt().forAll(mutated)
        .checkAssert(
            s -> {
              boolean expected = ARN_GRAMMAR.matcher(s).matches();
              assertEquals(expected, Arn.isValid(s), s);
              assertEquals(expected, Arn.tryParse(s).isPresent(), s);
              if (!expected) {
                try {
                  Arn.parse(s);
                  throw new AssertionError("accepted " + s);
                } catch (ArnParseException e) {
                  assertTrue(e.position() >= 0 && e.position() <= s.length(), e.getMessage());
                  // everything before the reported position is a valid ARN prefix: the same
                  // string cut there and completed minimally must not fail before that position
                  assertTrue(e.position() == s.length() || !prefixValidThrough(s, e.position() + 1), s);
                }
              }
            });
  }

  /** Whether the first {@code n} characters of {@code s} can start a valid ARN (by the regex). */
  private static boolean prefixValidThrough(String s, int n) {
    // a cheap independent check: try a few completions
    String prefix = s.substring(0, n);
    for (String tail :
        new String[] {
          "", "x", ":x", "s:x", ":s::x", "aws:s::x", "1:x", "1:s::x", ":s:us-east-1::x",
          "-east-1::x", "-1::x", "1::x", "00000000000:x", "east-1::x", "ws:x", "ws:s:::x",
          "rn:aws:s:::x", "n:aws:s:::x", ":aws:s:::x", "s:x:::x", "::x"
        }) {
      if (ARN_GRAMMAR.matcher(prefix + tail).matches()) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ reference matcher

  /**
   * Brute-force reference: plain recursive glob over the whole string, in which wildcards before
   * the end of the pattern's min(k,5)-th colon may not match ':' (the documented semantics).
   */
  static boolean ref(String pattern, String input) {
    int cut = 0;
    int colons = 0;
    for (int i = 0; i < pattern.length() && colons < 5; i++) {
      if (pattern.charAt(i) == ':') {
        colons++;
        cut = i + 1;
      }
    }
    return rec(pattern, 0, input, 0, cut);
  }

  private static boolean rec(String p, int pi, String s, int si, int cut) {
    if (pi == p.length()) {
      return si == s.length();
    }
    char c = p.charAt(pi);
    boolean restricted = pi < cut;
    if (c == '*') {
      if (rec(p, pi + 1, s, si, cut)) {
        return true;
      }
      return si < s.length()
          && !(restricted && s.charAt(si) == ':')
          && rec(p, pi, s, si + 1, cut);
    }
    if (si == s.length()) {
      return false;
    }
    if (c == '?') {
      return !(restricted && s.charAt(si) == ':') && rec(p, pi + 1, s, si + 1, cut);
    }
    return c == s.charAt(si) && rec(p, pi + 1, s, si + 1, cut);
  }

  static final String ALPHABET = "ab:/";
  static final String PATTERN_ALPHABET = "ab:/*?";

  /** Every string over {@link #ALPHABET} of length 0..max. */
  static List<String> allStrings(int max) {
    List<String> out = new ArrayList<>();
    out.add("");
    int from = 0;
    for (int len = 1; len <= max; len++) {
      int to = out.size();
      for (int i = from; i < to; i++) {
        for (char c : ALPHABET.toCharArray()) {
          out.add(out.get(i) + c);
        }
      }
      from = to;
    }
    return out;
  }

  private static final List<String> UP_TO_5 = allStrings(5);

  // ------------------------------------------------------------------ ArnPattern

  @Test
  void matchesAgreesWithReference() {
    qt().forAll(over(PATTERN_ALPHABET, 1, 9), over(ALPHABET, 0, 10))
        .checkAssert(
            (p, s) ->
                assertEquals(ref(p, s), ArnPattern.parseWithoutVariables(p).matches(s), p + " vs " + s));
  }

  @Test
  void matchesAgreesWithReferenceOnArnShapedInput() {
    Gen<String> patterns =
        arbitrary()
            .pick("arn:aws:s3:::", "arn:*:", "arn:aws:*:*:*:", "*:", "arn:aws:logs:*:*:", "")
            .zip(over("ab:/*?", 0, 8), (a, b) -> a + b)
            .assuming(p -> !p.isEmpty());
    Gen<String> inputs =
        arbitrary()
            .pick("arn:aws:s3:::", "arn:aws:logs:us-east-1:123456789012:", "arn:aws-cn:s3:::", "")
            .zip(over("ab:/", 0, 8), (a, b) -> a + b);
    qt().forAll(patterns, inputs)
        .checkAssert(
            (p, s) ->
                assertEquals(ref(p, s), ArnPattern.parseWithoutVariables(p).matches(s), p + " vs " + s));
  }

  @Test
  void coversAgreesWithEnumeration() {
    qt().forAll(over(PATTERN_ALPHABET, 1, 5), over(PATTERN_ALPHABET, 1, 5))
        .checkAssert(
            (t, o) -> {
              ArnPattern pt = ArnPattern.parseWithoutVariables(t);
              ArnPattern po = ArnPattern.parseWithoutVariables(o);
              String brute = null;
              for (String s : UP_TO_5) {
                if (ref(o, s) && !ref(t, s)) {
                  brute = s;
                  break;
                }
              }
              Optional<String> cex = pt.uncoveredExample(po);
              assertEquals(cex.isEmpty(), pt.covers(po));
              if (brute != null) {
                assertTrue(cex.isPresent(), t + " reported to cover " + o + " but not " + brute);
              }
              if (cex.isPresent()) {
                String w = cex.get();
                assertTrue(ref(o, w) && !ref(t, w), "bad counterexample " + w + " for " + t + " ⊇ " + o);
                if (brute == null) {
                  // then no counterexample of length <= 5 exists over {a,b,:,/}
                  assertTrue(w.length() > 5 || !w.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), w);
                } else {
                  // BFS gives a shortest counterexample
                  assertTrue(w.length() <= brute.length(), w + " longer than " + brute);
                }
              }
            });
  }

  @Test
  void intersectsAgreesWithEnumeration() {
    qt().forAll(over(PATTERN_ALPHABET, 1, 5), over(PATTERN_ALPHABET, 1, 5))
        .checkAssert(
            (a, b) -> {
              ArnPattern pa = ArnPattern.parseWithoutVariables(a);
              ArnPattern pb = ArnPattern.parseWithoutVariables(b);
              String brute = null;
              for (String s : UP_TO_5) {
                if (ref(a, s) && ref(b, s)) {
                  brute = s;
                  break;
                }
              }
              Optional<String> w = pa.intersects(pb);
              if (brute != null) {
                assertTrue(w.isPresent(), a + " and " + b + " both match " + brute);
                assertTrue(w.get().length() <= brute.length());
              }
              if (w.isPresent()) {
                assertTrue(ref(a, w.get()) && ref(b, w.get()), "bad witness " + w.get() + " for " + a + ", " + b);
                assertEquals(w.isPresent(), pb.intersects(pa).isPresent());
              }
            });
  }

  @Test
  void intersectsArnGivesValidArnsMatchedByBoth() {
    Gen<String> patterns =
        arbitrary()
            .pick("arn:aws:s3:::", "arn:*:s3:::", "arn:aws:s3:*:", "arn:aws:iam::*:", "*", "arn:aws:s?:::")
            .zip(over(PATTERN_ALPHABET, 0, 4), (x, y) -> x + y);
    List<String> candidates = new ArrayList<>();
    for (String s : allStrings(4)) {
      if (!s.isEmpty()) {
        candidates.add("arn:aws:s3:::" + s);
      }
    }
    qt().forAll(patterns, patterns)
        .checkAssert(
            (a, b) -> {
              ArnPattern pa = ArnPattern.parseWithoutVariables(a);
              ArnPattern pb = ArnPattern.parseWithoutVariables(b);
              Optional<Arn> w = pa.intersectsArn(pb);
              boolean brute = candidates.stream().anyMatch(s -> ref(a, s) && ref(b, s));
              if (brute) {
                assertTrue(w.isPresent(), a + " and " + b + " share an ARN");
              }
              if (w.isPresent()) {
                String s = w.get().toString();
                assertTrue(ARN_GRAMMAR.matcher(s).matches(), s);
                assertTrue(ref(a, s) && ref(b, s), "bad witness " + s);
                assertTrue(pa.intersects(pb).isPresent());
              }
            });
  }

  @Test
  void bindingSubstitutesTheValueLiterally() {
    qt().forAll(over(PATTERN_ALPHABET, 0, 4), over(ALPHABET, 0, 3), over(PATTERN_ALPHABET, 0, 4), over(ALPHABET, 0, 9))
        .checkAssert(
            (pre, value, post, input) -> {
              ArnPattern p = ArnPattern.parse(pre + "${aws:username}" + post);
              List<ArnPattern> bound = p.bind(Bindings.ofSingle(Map.of("aws:UserName", value)));
              assertEquals(1, bound.size());
              ArnPattern b = bound.get(0);
              assertEquals(ref(pre + value + post, input), b.matches(input), b + " vs " + input);
              ArnPattern reparsed = ArnPattern.parse(b.toString());
              assertEquals(b, reparsed);
              assertEquals(b.matches(input), reparsed.matches(input));
              assertFalse(p.matches(input), "an unbound variable without default matches nothing");
            });
  }

  @Test
  void patternOfArnIsExact() {
    qt().forAll(ARN_PARTS, over(ALPHABET, 0, 3))
        .checkAssert(
            (parts, suffix) -> {
              Arn arn = Arn.parse("arn:" + String.join(":", parts));
              ArnPattern p = ArnPattern.of(arn);
              assertTrue(p.matches(arn));
              assertNotNull(p.toString());
              assertEquals(suffix.isEmpty(), p.matches(arn + suffix));
              assertTrue(ArnPattern.parse("*").covers(p));
              assertTrue(p.covers(ArnPattern.parse(p.toString())));
            });
  }
}
