package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.policy.Policy;
import io.cloudir.model.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IamChecks#policy} remembers parsed policies without changing an answer: on random
 * documents (valid or not, as strings, URL-encoded strings and JSON objects, asked again and again
 * across more distinct texts than it keeps), every check gives what a fresh parse gives.
 */
class IamChecksMemoTest {
  private static final String[] ACTIONS = {"\"*\"", "\"*:*\"", "\"s3:GetObject\"",
      "[\"iam:*\", \"s3:*\"]"};
  private static final String[] PRINCIPALS = {"\"*\"", "{\"AWS\": \"*\"}",
      "{\"AWS\": \"111122223333\"}", "{\"AWS\": \"arn:aws:iam::444455556666:root\"}",
      "{\"Service\": \"ec2.amazonaws.com\"}"};

  @Test
  void rememberedAnswersAreFreshAnswers() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    int policies = 0;
    for (int i = 0; i < 3 * IamChecks.REMEMBERED; i++) {
      String doc = document(rnd);
      Object value = switch (rnd.nextInt(3)) {
        case 0 -> doc;
        case 1 -> URLEncoder.encode(doc, StandardCharsets.UTF_8);
        default -> {
          try {
            yield JsonValue.parse(doc);
          } catch (RuntimeException e) {
            yield doc; // not JSON: asked as a string
          }
        }
      };
      for (int again = 0; again < 2; again++) {
        Policy fresh = IamChecks.parsed(value);
        Policy remembered = IamChecks.policy(value);
        String where = "seed " + seed + ": " + value;
        if (fresh == null) {
          assertNull(remembered, where);
          continue;
        }
        policies++;
        assertTrue(remembered != null, where);
        assertEquals(IamChecks.grantsAdmin(fresh), IamChecks.grantsAdmin(remembered), where);
        assertEquals(IamChecks.allowsPublic(fresh), IamChecks.allowsPublic(remembered), where);
        assertEquals(IamChecks.externalPrincipal(fresh, "111122223333"),
            IamChecks.externalPrincipal(remembered, "111122223333"), where);
        assertEquals(fresh.statements().size(), remembered.statements().size(), where);
        if (again == 1) {
          assertSame(remembered, IamChecks.policy(value), where); // kept, not parsed again
        }
      }
    }
    assertTrue(policies > IamChecks.REMEMBERED, "seed " + seed + ": too few valid documents");
  }

  @Test
  void longTextsAndOtherValuesAreNotKept() {
    String big = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + "\"Action\": \"*\", \"Resource\": \"*\", \"Sid\": \"" + "x".repeat(
            IamChecks.MAX_REMEMBERED_TEXT) + "\"}]}";
    Policy p = IamChecks.policy(big);
    assertTrue(p != null && IamChecks.grantsAdmin(p));
    assertTrue(p != IamChecks.policy(big)); // parsed each time
    assertNull(IamChecks.policy(42L));
    assertNull(IamChecks.policy("not a policy"));
  }

  @Test
  void externalPrincipalReadsAccountIdsAsTwelveDigits() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    String account = "111122223333";
    for (int i = 0; i < 2000; i++) {
      StringBuilder id = new StringBuilder();
      int len = 11 + rnd.nextInt(3);
      for (int k = 0; k < len; k++) {
        id.append(rnd.nextInt(30) == 0 ? "x\u0663".charAt(rnd.nextInt(2))
            : rnd.nextInt(8) == 0 ? (char) ('0' + rnd.nextInt(10)) : account.charAt(k % 12));
      }
      String principal = id.toString();
      Policy p = IamChecks.policy("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
          + "\"Allow\", \"Principal\": {\"AWS\": \"" + principal + "\"}, \"Action\": \"s3:*\", "
          + "\"Resource\": \"*\"}]}");
      if (p == null) {
        continue; // not a principal the policy parser accepts
      }
      // the straightforward reading: an account id is \d{12}; anything else is not this account
      boolean expected = !(principal.matches("\\d{12}") && principal.equals(account));
      assertEquals(expected, IamChecks.externalPrincipal(p, account),
          "seed " + seed + ": " + principal);
    }
  }

  private static String document(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append("{\"Sid\": \"s").append(rnd.nextInt(100_000)).append("\", \"Effect\": \"")
          .append(rnd.nextInt(4) == 0 ? "Deny" : "Allow").append("\", ");
      if (rnd.nextBoolean()) {
        sb.append("\"Principal\": ").append(PRINCIPALS[rnd.nextInt(PRINCIPALS.length)])
            .append(", ");
      }
      sb.append(rnd.nextInt(5) == 0 ? "\"NotAction\": " : "\"Action\": ")
          .append(ACTIONS[rnd.nextInt(ACTIONS.length)]).append(", \"Resource\": \"*\"");
      if (rnd.nextInt(3) == 0) {
        sb.append(", \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}");
      }
      sb.append('}');
    }
    sb.append("]}");
    String doc = sb.toString();
    return rnd.nextInt(10) == 0 ? doc.substring(0, rnd.nextInt(doc.length())) : doc; // broken
  }
}
