package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnPatternTest {

  private static boolean m(String pattern, String input) {
    return ArnPattern.parse(pattern).matches(input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*|arn:aws:s3:::b|true",
        "*|arn:aws:logs:us-east-1:123456789012:log-group:x:log-stream:y|true",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/a/b:c|true",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket|false",
        "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket2/a|false",
        "arn:aws:s3:::bucket*|arn:aws:s3:::bucket2/a|true",
        "arn:aws:logs:*:*:log-group:x:*|arn:aws:logs:us-east-1:123456789012:log-group:x:log-stream:y|true",
        "arn:aws:logs:*:*:log-group:x:*|arn:aws:logs:us-east-1:123456789012:log-group:xy:log-stream:y|false",
        "arn:aws:logs:*:*:log-group:x|arn:aws:logs:us-east-1:123456789012:log-group:x:*|false",
        "arn:aws:iam::*:role/x|arn:aws:iam::123456789012:role/x|true",
        "arn:aws:iam::*:role/x|arn:aws:iam::123:456:role/x|false",
        "arn:aws:iam::????????????:user/?ob|arn:aws:iam::123456789012:user/Bob|true",
        "arn:aws:iam::????????????:user/?ob|arn:aws:iam::12345678901:user/Bob|false",
        "arn:aws:iam::123456789012:user/Bob|arn:aws:iam::123456789012:user/bob|false",
        "arn:aws:IAM::123456789012:user/Bob|arn:aws:iam::123456789012:user/Bob|false",
        "arn:aws:s3:*|arn:aws:s3:::b/k|true",
        "arn:aws:s3:*|arn:aws:s3:us-east-1:123456789012:accesspoint/a|true",
        "arn:aws:s3:*|arn:aws:sqs:us-east-1:123456789012:q|false",
        "arn:aws:s3|arn:aws:s3:::b|false",
        "arn:*:ec2:*:*:instance/*|arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1|true",
        "arn:aws:*:us-east-1:*:*|arn:aws:sqs:us-east-1:123456789012:q|true",
        "arn:aws:*:us-east-1:*:*|arn:aws:sqs:us-west-2:123456789012:q|false",
        "arn:aws:dynamodb:*:*:table/t/stream/*|arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x|true",
        "arn:aws:s3:::b/${*}|arn:aws:s3:::b/*|true",
        "arn:aws:s3:::b/${*}|arn:aws:s3:::b/x|false",
        "arn:aws:s3:::b/${?}${$}|arn:aws:s3:::b/?$|true",
        "arn:aws:s3:::b/a$b|arn:aws:s3:::b/a$b|true",
      })
  void matchesExamples(String pattern, String input, boolean expected) {
    assertEquals(expected, m(pattern, input));
    Optional<Arn> arn = Arn.tryParse(input);
    arn.ifPresent(a -> assertEquals(expected, ArnPattern.parse(pattern).matches(a)));
  }

  @Test
  void bindSubstitutesLiterally() {
    ArnPattern p = ArnPattern.parse("arn:aws:s3:::home/${aws:username}/*");
    assertTrue(p.hasVariables());
    assertEquals(List.of("aws:username"), p.variableNames());
    List<ArnPattern> bound = p.bind(Bindings.ofSingle(Map.of("AWS:UserName", "alice")));
    assertEquals(1, bound.size());
    ArnPattern b = bound.get(0);
    assertFalse(b.hasVariables());
    assertEquals("arn:aws:s3:::home/alice/*", b.toString());
    assertTrue(b.matches("arn:aws:s3:::home/alice/notes.txt"));
    assertFalse(b.matches("arn:aws:s3:::home/bob/notes.txt"));
    // a value with wildcard characters is literal, and the canonical text escapes it
    ArnPattern star = p.bind(Bindings.ofSingle(Map.of("aws:username", "a*?$"))).get(0);
    assertEquals("arn:aws:s3:::home/a${*}${?}${$}/*", star.toString());
    assertTrue(star.matches("arn:aws:s3:::home/a*?$/x"));
    assertFalse(star.matches("arn:aws:s3:::home/abc$/x"));
    assertEquals(star, ArnPattern.parse(star.toString()));
  }

  @Test
  void missingVariableMatchesNothingUnlessDefault() {
    ArnPattern p = ArnPattern.parse("arn:aws:s3:::home/${aws:username}/*");
    assertTrue(p.bind(Bindings.none()).isEmpty());
    assertTrue(p.bind(name -> List.of()).isEmpty());
    assertTrue(p.matchesNothing());
    assertFalse(p.matches("arn:aws:s3:::home/x/y"));
    assertFalse(ArnPattern.parse("*").covers(p) == false);
    ArnPattern d = ArnPattern.parse("arn:aws:s3:::home/${ aws:username , 'anonymous' }/*");
    assertEquals("arn:aws:s3:::home/anonymous/*", d.bind(Bindings.none()).get(0).toString());
    assertTrue(d.matches("arn:aws:s3:::home/anonymous/x"));
    assertEquals(
        "arn:aws:s3:::home/carol/*",
        d.bind(Bindings.ofSingle(Map.of("aws:username", "carol"))).get(0).toString());
  }

  @Test
  void multiValuedVariablesGiveOnePatternPerCombination() {
    ArnPattern p =
        ArnPattern.parse("arn:aws:s3:::${aws:PrincipalTag/team}/${aws:username}/${aws:PrincipalTag/team}");
    List<ArnPattern> bound =
        p.bind(
            Bindings.of(
                Map.of("aws:principaltag/team", List.of("red", "blue"), "aws:username", List.of("u"))));
    List<String> texts = new ArrayList<>();
    bound.forEach(b -> texts.add(b.toString()));
    assertEquals(List.of("arn:aws:s3:::red/u/red", "arn:aws:s3:::blue/u/blue"), texts);
  }

  @Test
  void bindingLimit() {
    StringBuilder sb = new StringBuilder("arn:aws:s3:::");
    for (int i = 0; i < 11; i++) {
      sb.append("${k").append(i).append('}');
    }
    ArnPattern p = ArnPattern.parse(sb.toString());
    assertThrows(LimitExceededException.class, () -> p.bind(name -> List.of("a", "b")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:s3:::${aws:username|13",
        "arn:aws:s3:::${}|15",
        "arn:aws:s3:::${  }|15",
        "arn:aws:s3:::${a, default}|18",
        "arn:aws:s3:::${a, 'x}|18",
        "arn:aws:s3:::${a, 'x' y}|22",
        "arn:aws:s3:::${a${b}}|16",
      })
  void malformedPatterns(String text, int position) {
    ArnPatternException e = assertThrows(ArnPatternException.class, () -> ArnPattern.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(position, e.location().offset());
  }

  @Test
  void emptyPatternMatchesOnlyTheEmptyString() {
    ArnPattern empty = ArnPattern.parse("");
    assertTrue(empty.matches(""));
    assertFalse(empty.matches("arn:aws:s3:::b"));
    assertTrue(empty.intersectsArn(ArnPattern.parse("*")).isEmpty());
    assertEquals(Optional.of(""), empty.intersects(ArnPattern.parse("*")));
  }

  @Test
  void withoutVariablesDollarBraceIsLiteral() {
    ArnPattern p = ArnPattern.parseWithoutVariables("arn:aws:s3:::${aws:username}/*");
    assertFalse(p.hasVariables());
    assertTrue(p.matches("arn:aws:s3:::${aws:username}/x"));
    assertFalse(p.equals(ArnPattern.parse("arn:aws:s3:::${aws:username}/*")));
  }

  @Test
  void ofArnMatchesExactlyThatArn() {
    Arn arn = Arn.parse("arn:aws:s3:::b/we*ird?$key");
    ArnPattern p = ArnPattern.of(arn);
    assertTrue(p.matches(arn));
    assertFalse(p.matches("arn:aws:s3:::b/weXirdYkey"));
    assertFalse(p.matches("arn:aws:s3:::b/we*ird?$key2"));
  }

  @Test
  void coversExamples() {
    ArnPattern all = ArnPattern.parse("*");
    ArnPattern s3 = ArnPattern.parse("arn:aws:s3:::*");
    ArnPattern bucket = ArnPattern.parse("arn:aws:s3:::bucket/*");
    ArnPattern object = ArnPattern.parse("arn:aws:s3:::bucket/a/?.txt");
    assertTrue(all.covers(s3));
    assertTrue(s3.covers(bucket));
    assertTrue(bucket.covers(object));
    assertTrue(s3.covers(object));
    assertFalse(bucket.covers(s3));
    Optional<String> cex = bucket.uncoveredExample(s3);
    assertTrue(cex.isPresent());
    assertTrue(s3.matches(cex.get()) && !bucket.matches(cex.get()), cex.get());
    assertFalse(s3.covers(all));
    // a '*' in the account segment does not cross colons, the trailing one does
    assertTrue(ArnPattern.parse("arn:aws:logs:*:*:*").covers(ArnPattern.parse("arn:aws:logs:*:*:log-group:x:*")));
    assertFalse(ArnPattern.parse("arn:aws:logs:*:*:log-group:x").covers(ArnPattern.parse("arn:aws:logs:*:*:log-group:x:*")));
    assertTrue(ArnPattern.parse("arn:aws:s3:*").covers(ArnPattern.parse("arn:aws:s3:us-*:*:*")));
    // anything covers the empty language; the empty language covers only that
    ArnPattern nothing = ArnPattern.parse("arn:aws:s3:::${aws:username}");
    assertTrue(bucket.covers(nothing));
    assertFalse(nothing.covers(bucket));
    assertTrue(nothing.covers(nothing));
  }

  @Test
  void intersectsExamples() {
    ArnPattern a = ArnPattern.parse("arn:aws:s3:::bucket/*.txt");
    ArnPattern b = ArnPattern.parse("arn:aws:s3:::*/secret/*");
    Optional<String> w = a.intersects(b);
    assertTrue(w.isPresent());
    assertTrue(a.matches(w.get()) && b.matches(w.get()), w.get());
    assertTrue(
        ArnPattern.parse("arn:aws:s3:::a*").intersects(ArnPattern.parse("arn:aws:s3:::b*")).isEmpty());
    assertTrue(
        ArnPattern.parse("arn:aws:iam::*:user/x").intersects(ArnPattern.parse("arn:aws:sts::*:*")).isEmpty());
    Optional<Arn> arn = ArnPattern.parse("arn:aws:s3:::*").intersectsArn(ArnPattern.parse("arn:*:s3:::*"));
    assertTrue(arn.isPresent());
    assertTrue(Arn.isValid(arn.get().toString()));
    // as strings these intersect, but the account segment can never be a valid account
    ArnPattern badAccount = ArnPattern.parse("arn:aws:iam::12:user/*");
    assertTrue(badAccount.intersects(ArnPattern.parse("*")).isPresent());
    assertTrue(badAccount.intersectsArn(ArnPattern.parse("*")).isEmpty());
    Optional<Arn> role =
        ArnPattern.parse("arn:aws:iam::*:role/*").intersectsArn(ArnPattern.parse("arn:*:iam::????????????:*/admin"));
    assertTrue(role.isPresent());
    assertEquals("role", role.get().resourceType());
    assertEquals("admin", role.get().resourceId());
  }

  @Test
  void longRealisticPatternsStayCheap() {
    String key = "a/".repeat(150);
    ArnPattern exact = ArnPattern.parse("arn:aws:s3:::bucket/" + key + "*.json");
    ArnPattern wide = ArnPattern.parse("arn:aws:s3:::bucket/*");
    assertTrue(wide.covers(exact));
    assertFalse(exact.covers(wide));
    Optional<Arn> w = exact.intersectsArn(wide);
    assertTrue(w.isPresent());
    assertTrue(exact.matches(w.get()) && wide.matches(w.get()));
  }

  @Test
  void determinisationBlowUpHitsTheDocumentedLimit() {
    // (Σ*)a(Σ){24}: its subset automaton needs about 2^25 states
    ArnPattern hard = ArnPattern.parse("*a" + "?".repeat(24));
    assertTrue(hard.covers(hard)); // same program: no search
    ArnPattern same = ArnPattern.parse("**a" + "?".repeat(24)); // same language, other program
    assertThrows(LimitExceededException.class, () -> hard.covers(same));
    // a counterexample found early ends the search before the limit
    assertFalse(hard.covers(ArnPattern.parse("*")));
  }
}
