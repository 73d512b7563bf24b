package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.arn.Arn;
import io.cloudir.model.arn.ArnPattern;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ARN benchmark's variants compute the same answers, and its inputs are what it claims. */
class ArnSameAnswerTest {

  private static ArnBenchmark bench() {
    ArnBenchmark b = new ArnBenchmark();
    b.setup();
    return b;
  }

  @Test
  void inputSizesMatchTheOperationCounts() {
    ArnBenchmark b = bench();
    assertEquals(ArnBenchmark.COUNT, b.arns.length);
    assertEquals(ArnBenchmark.MATCHES, b.arns.length * b.patterns.length);
    assertEquals(ArnBenchmark.COVERS, 2 * b.wider.length);
  }

  @Test
  void theMixIsVaried() {
    Set<String> services = new HashSet<>();
    Set<String> partitions = new HashSet<>();
    Set<String> distinct = new HashSet<>();
    for (String s : bench().arns) {
      Arn a = Arn.parse(s);
      services.add(a.service());
      partitions.add(a.partition());
      distinct.add(s);
    }
    assertEquals(
        Set.of("iam", "sts", "s3", "lambda", "logs", "ec2", "kms", "dynamodb", "sns", "sqs",
            "secretsmanager"),
        services);
    assertEquals(Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"), partitions);
    assertTrue(distinct.size() > 900, "distinct ARNs: " + distinct.size());
  }

  /** Both parsers accept every input and agree on partition, service, region, account, resource. */
  @Test
  void parsersAgreeOnTheFiveParts() {
    for (String s : bench().arns) {
      Arn c = Arn.parse(s);
      software.amazon.awssdk.arns.Arn a = software.amazon.awssdk.arns.Arn.fromString(s);
      assertEquals(a.partition(), c.partition(), s);
      assertEquals(a.service(), c.service(), s);
      assertEquals(a.region().orElse(""), c.region(), s);
      assertEquals(a.accountId().orElse(""), c.account(), s);
      assertEquals(a.resourceAsString(), c.resource(), s);
      assertTrue(Arn.isValid(s), s);
      assertTrue(software.amazon.awssdk.arns.Arn.tryFromString(s).isPresent(), s);
    }
  }

  /**
   * Where cloudir uses the generic split (EC2, KMS: the first '/' or ':' separates type from id, no
   * qualifier), the SDK's resource type and resource agree with it.
   */
  @Test
  void genericServicesAgreeOnTypeAndId() {
    int checked = 0;
    for (String s : bench().arns) {
      Arn c = Arn.parse(s);
      if (!c.service().equals("ec2") && !c.service().equals("kms")) {
        continue;
      }
      software.amazon.awssdk.arns.ArnResource r =
          software.amazon.awssdk.arns.Arn.fromString(s).resource();
      assertEquals(r.resourceType().orElse(null), c.resourceType(), s);
      assertEquals(r.resource(), c.resourceId(), s);
      checked++;
    }
    assertTrue(checked > 50, "checked " + checked);
  }

  /** cloudir's matcher and the regex translation agree on every (pattern, ARN) pair. */
  @Test
  void matchersAgree() {
    ArnBenchmark b = bench();
    int matched = 0;
    for (int i = 0; i < b.patterns.length; i++) {
      for (String s : b.arns) {
        boolean c = b.patterns[i].matches(s);
        assertEquals(b.regexes[i].matcher(s).matches(), c, b.patterns[i] + " " + s);
        if (c) {
          matched++;
        }
      }
    }
    assertEquals(matched, b.match_cloudir());
    assertEquals(matched, b.match_jdkRegex());
    // neither trivially all nor nothing
    assertTrue(matched > b.arns.length && matched < b.arns.length * b.patterns.length / 2,
        "matched " + matched);
  }

  /** Every pattern matches some input ARN, so no pattern is measured only on its fast reject. */
  @Test
  void everyPatternMatchesSomething() {
    ArnBenchmark b = bench();
    for (ArnPattern p : b.patterns) {
      boolean any = false;
      for (String s : b.arns) {
        any |= p.matches(s);
      }
      assertTrue(any, p.toString());
    }
  }

  /** The regex translation on hand-picked cases of the segment rule. */
  @Test
  void regexTranslation() {
    Pattern p = ArnBenchmark.toRegex("arn:aws:ec2:*:instance/*");
    assertTrue(!p.matcher("arn:aws:ec2:us-east-1:123456789012:instance/i-1").matches());
    assertTrue(ArnBenchmark.toRegex("arn:aws:logs:*:*:log-group:g:*")
        .matcher("arn:aws:logs:r:1:log-group:g:log-stream:s").matches());
    assertTrue(ArnBenchmark.toRegex("*").matcher("arn:aws:s3:::b").matches());
    assertTrue(ArnBenchmark.toRegex("a.b").matcher("a.b").matches());
    assertTrue(!ArnBenchmark.toRegex("a.b").matcher("axb").matches());
  }

  /** The coverage answers are the expected ones for the typical pairs. */
  @Test
  void coverageAnswers() {
    ArnBenchmark b = bench();
    String[][] pairs = ArnData.coverPairs();
    int holds = 0;
    for (int i = 0; i < pairs.length; i++) {
      holds += b.wider[i].covers(b.narrower[i]) ? 1 : 0;
      holds += b.narrower[i].covers(b.wider[i]) ? 1 : 0;
    }
    assertEquals(holds, b.covers_cloudir());
    // hand-checked: the first of each pair covers the second, except for these pairs
    Set<Integer> notCovering = Set.of(3, 6, 7, 10, 14, 16);
    for (int i = 0; i < pairs.length; i++) {
      assertEquals(!notCovering.contains(i), b.wider[i].covers(b.narrower[i]),
          pairs[i][0] + " covers " + pairs[i][1]);
    }
  }
}
