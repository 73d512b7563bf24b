package io.cloudir.rules;

import static io.cloudir.rules.Fixtures.event;
import static io.cloudir.rules.Fixtures.holds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test (at least) per matcher and modifier, each with a case that holds and one that does not. */
class MatcherTest {
  private static final CloudTrailEvent E = event("\"userAgent\":\"aws-cli/2.15.0 Python/3.11\","
      + "\"requestParameters\":{\"instanceType\":\"p4d.24xlarge\",\"maxCount\":12,\"minCount\":1,"
      + "\"ipPermissions\":{\"items\":[{\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":["
      + "{\"cidrIp\":\"10.0.0.0/8\"},{\"cidrIp\":\"0.0.0.0/0\"}]}}]},"
      + "\"policy\":\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":[\\\"s3:GetObject\\\",\\\"s3:PutObject\\\"]}]}\","
      + "\"tags\":[\"a\",\"b\"],\"launchTime\":\"2026-03-14T08:00:00Z\",\"copyOf\":\"alice\"}");

  @Test
  void equalsIsCaseInsensitiveByDefaultAndCasedOnRequest() {
    assertTrue(holds(Field.of("eventName").equalsAny("runinstances"), E));
    assertTrue(holds(Field.of("eventName").cased().equalsAny("RunInstances"), E));
    assertFalse(holds(Field.of("eventName").cased().equalsAny("runinstances"), E));
    assertFalse(holds(Field.of("eventName").equalsAny("RunInstance"), E));
  }

  @Test
  void listsMatchAnyValueUnlessAll() {
    assertTrue(holds(Field.of("eventName").equalsAny("StopLogging", "RunInstances"), E));
    assertFalse(holds(Field.of("eventName").equalsAny("StopLogging", "DeleteTrail"), E));
    assertTrue(holds(Field.of("userAgent").all().contains("aws-cli", "python"), E));
    assertFalse(holds(Field.of("userAgent").all().contains("aws-cli", "boto3"), E));
  }

  @Test
  void wildcards() {
    assertTrue(holds(Field.of("eventName").equalsAny("Run*"), E));
    assertTrue(holds(Field.of("eventName").equalsAny("RunInstance?"), E));
    assertFalse(holds(Field.of("eventName").equalsAny("RunInstance?x"), E));
    assertFalse(holds(Field.of("eventName").equalsAny("Run\\*"), E));
  }

  @Test
  void containsStartsEnds() {
    assertTrue(holds(Field.of("userAgent").contains("PYTHON"), E));
    assertFalse(holds(Field.of("userAgent").contains("boto"), E));
    assertTrue(holds(Field.of("userAgent").startsWith("aws-cli/"), E));
    assertFalse(holds(Field.of("userAgent").startsWith("Python"), E));
    assertTrue(holds(Field.of("userAgent").endsWith("3.11"), E));
    assertFalse(holds(Field.of("userAgent").endsWith("aws-cli"), E));
    assertFalse(holds(Field.of("userAgent").cased().contains("PYTHON"), E));
  }

  @Test
  void regularExpressionsAreUnanchoredRe2() {
    assertTrue(holds(Field.of("requestParameters.instanceType").matches("^p[345]d?\\."), E));
    assertFalse(holds(Field.of("requestParameters.instanceType").matches("^t3\\."), E));
    assertThrows(IllegalArgumentException.class,
        () -> Field.of("eventName").matches("(unclosed"));
    // RE2 has no backreferences: rejected when the rule is built, not at run time
    assertThrows(IllegalArgumentException.class, () -> Field.of("eventName").matches("(a)\\1"));
  }

  @Test
  void cidrMembershipAndPrefixLength() {
    assertTrue(holds(Field.of("sourceIPAddress").inCidr("203.0.113.0/24"), E));
    assertFalse(holds(Field.of("sourceIPAddress").inCidr("10.0.0.0/8", "192.168.0.0/16"), E));
    String cidrs = "requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp";
    assertTrue(holds(Field.of(cidrs).prefixLength().lte(0), E));
    assertTrue(holds(Field.of(cidrs).inCidr("10.0.0.0/7"), E));
    assertFalse(holds(Field.of(cidrs).inCidr("172.16.0.0/12"), E));
    assertFalse(holds(Field.of("requestParameters.ipPermissions.items[*].ipRanges.items[0].cidrIp")
        .prefixLength().lt(8), E));
    assertThrows(IllegalArgumentException.class, () -> Field.of("x").inCidr("10.0.0.0/33"));
  }

  @Test
  void numericAndTimeComparisons() {
    assertTrue(holds(Field.of("requestParameters.maxCount").gt(10), E));
    assertFalse(holds(Field.of("requestParameters.maxCount").gt(12), E));
    assertTrue(holds(Field.of("requestParameters.maxCount").gte(12), E));
    assertTrue(holds(Field.of("requestParameters.minCount").lt(2), E));
    assertFalse(holds(Field.of("requestParameters.minCount").lte(0), E));
    assertTrue(holds(Field.of("eventTime").gt("2026-03-14T08:59:59Z"), E));
    assertFalse(holds(Field.of("eventTime").gte("2026-03-15"), E));
    assertTrue(holds(Field.of("requestParameters.launchTime").lt("2026-03-14T08:30:00Z"), E));
    assertFalse(holds(Field.of("requestParameters.launchTime").lt("2026-03-14T09:00:00+02:00"), E));
    assertThrows(IllegalArgumentException.class, () -> Field.of("x").gt("soon"));
  }

  @Test
  void listValuedFieldsMatchWhenAnyElementMatchesWithoutAQuantifier() {
    // requestParameters.tags is the JSON array ["a","b"]
    assertTrue(holds(Field.of("requestParameters.tags").equalsAny("b"), E));
    assertTrue(holds(Field.of("requestParameters.tags").equalsAny("B"), E));
    assertTrue(holds(Field.of("requestParameters.tags").matches("^b$"), E));
    assertTrue(holds(Field.of("requestParameters.tags").startsWith("a"), E));
    assertFalse(holds(Field.of("requestParameters.tags").equalsAny("c"), E));
    assertTrue(holds(Field.of("requestParameters.tags").all().equalsAny("a", "b"), E));
    assertFalse(holds(Field.of("requestParameters.tags").all().equalsAny("a", "c"), E));
    // nested arrays and arrays of objects reached by a name
    CloudTrailEvent nested = event("\"requestParameters\":{\"m\":[[\"x\",\"y\"],[\"z\"]],"
        + "\"ports\":[22,3389]}");
    assertTrue(holds(Field.of("requestParameters.m").equalsAny("z"), nested));
    assertTrue(holds(Field.of("requestParameters.ports").equalsAny(3389), nested));
    assertTrue(holds(Field.of("requestParameters.ports").gt(3000), nested));
    assertFalse(holds(Field.of("requestParameters.ports").equalsAny(80), nested));
  }

  @Test
  void anEmptyStringIsNotPresent() {
    CloudTrailEvent empty = event("\"errorCode\":\"\",\"errorMessage\":\" \"");
    assertFalse(holds(Field.of("errorCode").exists(), empty));
    assertTrue(holds(Field.of("errorCode").absent(), empty));
    // only the empty string: any other text (even a blank) is a value
    assertTrue(holds(Field.of("errorMessage").exists(), empty));
    // equality with the empty string still sees it
    assertTrue(holds(Field.of("errorCode").equalsAny(""), empty));
  }

  @Test
  void existsAndAbsent() {
    assertTrue(holds(Field.of("userAgent").exists(), E));
    assertFalse(holds(Field.of("errorCode").exists(), E));
    assertTrue(holds(Field.of("errorCode").absent(), E));
    assertFalse(holds(Field.of("requestParameters.instanceType").absent(), E));
  }

  @Test
  void fieldReferencesCompareTwoFieldsOfOneRecord() {
    assertTrue(holds(Field.of("requestParameters.copyOf").equalsField("userIdentity.userName"), E));
    assertFalse(holds(Field.of("requestParameters.copyOf").equalsField("eventName"), E));
    // a reference is literal: a '*' in the referenced value is no wildcard
    CloudTrailEvent star = event("\"requestParameters\":{\"a\":\"x*\",\"b\":\"xyz\"}");
    assertFalse(holds(Field.of("requestParameters.b").equalsField("requestParameters.a"), star));
  }

  @Test
  void jsonInsideStrings() {
    String p = "requestParameters.policy";
    assertTrue(holds(Field.of(p).json("Statement[*].Action[*]").equalsAny("s3:PutObject"), E));
    assertFalse(holds(Field.of(p).json("Statement[*].Action[*]").equalsAny("iam:*"), E));
    assertTrue(holds(Field.of(p).json("Statement[*].Effect").cased().equalsAny("Allow"), E));
    // not JSON: no value, so no match (and no exception)
    assertFalse(holds(Field.of("eventName").json("a").exists(), E));
  }

  @Test
  void arrayQuantifierReadsEveryElement() {
    assertTrue(holds(Field.of("requestParameters.tags[*]").equalsAny("b"), E));
    assertTrue(holds(Field.of("requestParameters.tags[0]").equalsAny("a"), E));
    assertFalse(holds(Field.of("requestParameters.tags[0]").equalsAny("b"), E));
  }

  @Test
  void iamHelpers() {
    CloudTrailEvent admin = event("\"requestParameters\":{\"policyDocument\":"
        + "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
        + "\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
    CloudTrailEvent narrow = event("\"requestParameters\":{\"policyDocument\":"
        + "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
        + "\\\"Action\\\":\\\"s3:GetObject\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
    CloudTrailEvent publicBucket = event("\"requestParameters\":{\"bucketPolicy\":{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}}");
    CloudTrailEvent orgBucket = event("\"requestParameters\":{\"bucketPolicy\":{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":"
        + "{\"aws:PrincipalOrgID\":\"o-123\"}}}]}}");
    assertTrue(holds(Field.of("requestParameters.policyDocument").grantsAdmin(), admin));
    assertFalse(holds(Field.of("requestParameters.policyDocument").grantsAdmin(), narrow));
    assertTrue(holds(Field.of("requestParameters.bucketPolicy").allowsPublic(), publicBucket));
    assertFalse(holds(Field.of("requestParameters.bucketPolicy").allowsPublic(), orgBucket));
    CloudTrailEvent trust = event("\"requestParameters\":{\"policyDocument\":"
        + "\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":{\\\"AWS\\\":"
        + "\\\"arn:aws:iam::999988887777:root\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}\"}");
    assertTrue(holds(Field.of("requestParameters.policyDocument").externalPrincipal(
        "111122223333"), trust));
    assertFalse(holds(Field.of("requestParameters.policyDocument").externalPrincipal(
        "999988887777"), trust));
    assertTrue(holds(Field.of("requestParameters.policyDocument").externalPrincipalOfField(
        "recipientAccountId"), trust));
    // a value that is no policy matches nothing
    assertFalse(holds(Field.of("eventName").grantsAdmin(), admin));
  }

  @Test
  void booleansAndNumbersCompareByValue() {
    CloudTrailEvent ro = event("\"readOnly\":true,\"requestParameters\":{\"n\":\"42\"}");
    assertTrue(holds(Field.of("readOnly").equalsAny(true), ro));
    assertFalse(holds(Field.of("readOnly").equalsAny(false), ro));
    assertTrue(holds(Field.of("requestParameters.n").equalsAny(42L), ro));
    assertTrue(holds(Field.of("requestParameters.n").equalsAny(42.0), ro));
  }

  @Test
  void flowLogFieldsAreTyped() {
    FlowLogRecord f = FlowLogRecord.parse(
        "2 111122223333 eni-1 203.0.113.7 10.0.1.5 49152 22 6 10 840 1773479400 1773479460 ACCEPT OK");
    assertTrue(holds(Field.of("dstport").equalsAny(22L), f));
    assertTrue(holds(Field.of("bytes").gt(800), f));
    assertTrue(holds(Field.of("srcaddr").inCidr("203.0.113.0/24"), f));
    assertFalse(holds(Field.of("action").cased().equalsAny("accept"), f));
  }

  @Test
  void modifierChainsAreValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> FieldTest.of("a", List.of("contains", "startswith"), List.of("x")));
    assertThrows(IllegalArgumentException.class,
        () -> FieldTest.of("a", List.of("base64"), List.of("x")));
    assertThrows(IllegalArgumentException.class,
        () -> FieldTest.of("a", List.of("contains", "json(a)"), List.of("x")));
    assertThrows(IllegalArgumentException.class,
        () -> FieldTest.of("a", List.of("exists"), List.of("yes")));
    assertThrows(IllegalArgumentException.class,
        () -> FieldTest.of("a", List.of("re", "cased"), List.of("x")));
    assertEquals("a|contains|cased",
        FieldTest.of("a", List.of("contains", "cased"), List.of("x")).key());
  }

  // the AWS documentation's example lines (S3 access log, ALB), and a Route 53 public query
  private static final String S3 = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      + " DOC-EXAMPLE-BUCKET1 [06/Feb/2019:00:01:57 +0000] 192.0.2.3"
      + " 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be DD6CC733AEXAMPLE"
      + " REST.PUT.OBJECT s3-dg.pdf \"PUT /DOC-EXAMPLE-BUCKET1/s3-dg.pdf HTTP/1.1\" 200 - - 4406583"
      + " 41754 28 \"-\" \"S3Console/0.4\" - 10S62Zv81kBW7BB6SX4XJ48o6kpcl6LPwEoizZQQxJd5qDSCTLX0TgS37kYUBKQW3+bPdrg1234="
      + " SigV4 ECDHE-RSA-AES128-SHA AuthHeader DOC-EXAMPLE-BUCKET1.s3.us-west-1.amazonaws.com TLSV1.2 - Yes";
  private static final String ALB = "https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188"
      + " 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57"
      + " \"GET https://www.example.com:443/ HTTP/1.1\" \"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
      + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\""
      + " \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\""
      + " 1 2018-07-02T22:22:48.364000Z \"authenticate,forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"";

  @Test
  void textFormatsExposeTheirDocumentedFields() {
    io.cloudir.model.s3.S3AccessLogRecord s3 = io.cloudir.model.s3.S3AccessLogRecord.parse(S3);
    assertTrue(holds(Field.of("operation").equalsAny("REST.PUT.OBJECT"), s3));
    assertTrue(holds(Field.of("remote_ip").inCidr("192.0.2.0/24"), s3));
    assertTrue(holds(Field.of("object_size").gt(4_000_000), s3));
    assertTrue(holds(Field.of("http_status").equalsAny(200L), s3));
    assertFalse(holds(Field.of("http_status").equalsAny(403L), s3));
    assertTrue(holds(Field.of("user_agent").startsWith("S3Console"), s3));
    io.cloudir.model.elb.LoadBalancerLogRecord alb = io.cloudir.model.elb.LoadBalancerLogRecord.parse(ALB);
    assertTrue(holds(Field.of("client_ip").inCidr("192.168.0.0/16"), alb));
    assertTrue(holds(Field.of("client_port").equalsAny(2817L), alb));
    assertTrue(holds(Field.of("elb_status_code").lt(300), alb));
    assertTrue(holds(Field.of("user_agent").contains("curl"), alb));
    assertFalse(holds(Field.of("domain_name").equalsAny("example.org"), alb));
    io.cloudir.model.route53.PublicDnsQueryLogRecord dns = io.cloudir.model.route53.PublicDnsQueryLogRecord
        .parse("1.0 2017-12-13T08:16:03.983Z Z1 example.com A NOERROR UDP Region 192.0.2.1 -");
    assertTrue(holds(Field.of("query_name").endsWith(".com"), dns));
    assertTrue(holds(Field.of("resolver_ip").inCidr("192.0.2.0/24"), dns));
    assertFalse(holds(Field.of("response_code").equalsAny("NXDOMAIN"), dns));
    io.cloudir.model.waf.WafLogRecord waf = io.cloudir.model.waf.WafLogRecord.parse("{\"timestamp\":1,"
        + "\"formatVersion\":1,\"webaclId\":\"w\",\"terminatingRuleId\":\"Default_Action\","
        + "\"terminatingRuleType\":\"REGULAR\",\"action\":\"ALLOW\",\"httpSourceName\":\"ALB\","
        + "\"httpSourceId\":\"x\",\"ruleGroupList\":[],\"rateBasedRuleList\":[],"
        + "\"nonTerminatingMatchingRules\":[],\"httpRequest\":{\"clientIp\":\"198.51.100.9\","
        + "\"country\":\"NL\",\"headers\":[{\"name\":\"User-Agent\",\"value\":\"sqlmap/1.7\"}],"
        + "\"uri\":\"/\",\"args\":\"\",\"httpVersion\":\"HTTP/1.1\",\"httpMethod\":\"GET\","
        + "\"requestId\":\"r1\"}}");
    assertTrue(holds(Field.of("httpRequest.headers[*].value").startsWith("sqlmap"), waf));
    assertTrue(holds(Field.of("httpRequest.country").equalsAny("nl"), waf));
    assertFalse(holds(Field.of("httpRequest.headers.name").equalsAny("Host"), waf));
  }
}
