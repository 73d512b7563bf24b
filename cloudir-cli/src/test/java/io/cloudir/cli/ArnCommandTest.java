package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cloudir arn parse} and {@code cloudir arn match}, run in-process. */
class ArnCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of(
      "partition", "service", "region", "account", "resource", "resourceType", "resourceId",
      "qualifier");

  private static JsonNode only(CliRun r) throws IOException {
    List<String> lines = r.outLines();
    assertEquals(1, lines.size(), r.out() + r.err());
    return JSON.readTree(lines.get(0));
  }

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      k.add(it.next());
    }
    return k;
  }

  /** The text of a field, or "null" for JSON null (so CSV rows can say null). */
  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    assertTrue(v != null, "key " + key + " present in " + n);
    return v.isNull() ? "null" : v.asText();
  }

  // ------------------------------------------------------------------ arn parse

  /** Examples across partitions and services; expectations from AWS's documented ARN formats. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // arn | partition | service | region | account | resource | type | id | qualifier
    "arn:aws:s3:::my-bucket | aws | s3 | null | null | my-bucket | bucket | my-bucket | null",
    "arn:aws:s3:::my-bucket/logs/2024/a:b.gz | aws | s3 | null | null | my-bucket/logs/2024/a:b.gz"
        + " | object | my-bucket | logs/2024/a:b.gz",
    "arn:aws-cn:s3:::b/k | aws-cn | s3 | null | null | b/k | object | b | k",
    "arn:aws:iam::123456789012:role/service-role/my-role | aws | iam | null | 123456789012"
        + " | role/service-role/my-role | role | service-role/my-role | null",
    "arn:aws:iam::123456789012:user/alice | aws | iam | null | 123456789012 | user/alice | user"
        + " | alice | null",
    "arn:aws-us-gov:iam::123456789012:user/division/alice | aws-us-gov | iam | null"
        + " | 123456789012 | user/division/alice | user | division/alice | null",
    "arn:aws:iam::aws:policy/AdministratorAccess | aws | iam | null | aws"
        + " | policy/AdministratorAccess | policy | AdministratorAccess | null",
    "arn:aws:iam::123456789012:root | aws | iam | null | 123456789012 | root | root-user | null"
        + " | null",
    "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com | aws | sts | null"
        + " | 123456789012 | assumed-role/Admin/alice@example.com | assumed-role | Admin"
        + " | alice@example.com",
    "arn:aws-cn:sts::123456789012:assumed-role/r/i-0abc | aws-cn | sts | null | 123456789012"
        + " | assumed-role/r/i-0abc | assumed-role | r | i-0abc",
    "arn:aws:sts::123456789012:federated-user/bob | aws | sts | null | 123456789012"
        + " | federated-user/bob | federated-user | bob | null",
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn | aws | lambda | us-east-1"
        + " | 123456789012 | function:my-fn | function | my-fn | null",
    "arn:aws:lambda:eu-west-1:123456789012:function:my-fn:PROD | aws | lambda | eu-west-1"
        + " | 123456789012 | function:my-fn:PROD | function alias | my-fn | PROD",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:* | aws | logs | us-east-1"
        + " | 123456789012 | log-group:/aws/lambda/f:* | log-group | /aws/lambda/f | *",
    "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:2024/01/01/x | aws | logs"
        + " | us-east-1 | 123456789012 | log-group:g:log-stream:2024/01/01/x | log-stream | g"
        + " | log-stream:2024/01/01/x",
    "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0 | aws | ec2 | us-east-1"
        + " | 123456789012 | instance/i-0123456789abcdef0 | instance | i-0123456789abcdef0 | null",
    "arn:aws:ec2:us-east-1::image/ami-0123 | aws | ec2 | us-east-1 | null | image/ami-0123"
        + " | image | ami-0123 | null",
    "arn:aws:kms:us-gov-west-1:123456789012:key/1234abcd-12ab | aws | kms | us-gov-west-1"
        + " | 123456789012 | key/1234abcd-12ab | key | 1234abcd-12ab | null",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000 | aws"
        + " | dynamodb | us-east-1 | 123456789012 | table/Orders/stream/2024-01-01T00:00:00.000"
        + " | stream | Orders | stream/2024-01-01T00:00:00.000",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders | aws | dynamodb | us-east-1"
        + " | 123456789012 | table/Orders | table | Orders | null",
    "arn:aws:sns:us-east-1:123456789012:alerts | aws | sns | us-east-1 | 123456789012 | alerts"
        + " | topic | alerts | null",
    "arn:aws:sns:us-east-1:123456789012:alerts:0b1c-77 | aws | sns | us-east-1 | 123456789012"
        + " | alerts:0b1c-77 | topic | alerts | 0b1c-77",
    "arn:aws:sqs:us-east-1:123456789012:jobs.fifo | aws | sqs | us-east-1 | 123456789012"
        + " | jobs.fifo | queue | jobs.fifo | null",
    "arn:aws-iso:ec2:us-iso-east-1:123456789012:vpc/vpc-1 | aws-iso | ec2 | us-iso-east-1"
        + " | 123456789012 | vpc/vpc-1 | vpc | vpc-1 | null",
    // unknown service: the model's split at the first '/' or ':'
    "arn:aws:nosuchservice:us-east-1:123456789012:thing/a/b | aws | nosuchservice | us-east-1"
        + " | 123456789012 | thing/a/b | thing | a/b | null",
    "arn:aws:nosuchservice:us-east-1:123456789012:widget:w1 | aws | nosuchservice | us-east-1"
        + " | 123456789012 | widget:w1 | widget | w1 | null",
    "arn:aws:nosuchservice:::plain | aws | nosuchservice | null | null | plain | null | plain"
        + " | null",
    // known service, no template matches: the model's split (IAM: the name after the path)
    "arn:aws:iam::123456789012:nothing/x | aws | iam | null | 123456789012 | nothing/x | nothing"
        + " | x | null",
  })
  void parseExamples(String arn, String partition, String service, String region,
      String account, String resource, String type, String id, String qualifier)
      throws IOException {
    CliRun r = CliRun.run("arn", "parse", arn);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode n = only(r);
    assertEquals(KEYS, keys(n), "keys in the contract's order");
    assertEquals(
        List.of(partition, service, region, account, resource, type, id, qualifier),
        KEYS.stream().map(k -> text(n, k)).toList(),
        arn);
  }

  /** Invalid ARNs: error JSON naming segment and index, exit 2. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // input | segment named | index named
    "arn:aws:s3:us-east-1:12:b | account | 23",
    "ARN:aws:s3:::b | prefix | 0",
    "arn:aws | partition | 7",
    "arn:AWS:s3:::b | partition | 4",
    "arn:aws:S3:::b | service | 8",
    "arn:aws:s3:US-EAST-1::b | region | 11",
    "arn:aws:s3::: | resource | 13",
    "s3://bucket/key | prefix | 0",
  })
  void invalidArn(String input, String segment, int index) throws IOException {
    CliRun r = CliRun.run("arn", "parse", input);
    assertEquals(2, r.code(), r.out() + r.err());
    JsonNode n = only(r);
    assertEquals(List.of("error"), keys(n));
    String msg = n.get("error").asText();
    assertTrue(msg.contains(segment + ":"), msg);
    assertTrue(msg.contains("index " + index), msg);
    assertTrue(r.err().contains(input), "stderr names the input: " + r.err());
  }

  @Test
  void validArnsAroundAnInvalidOneAreStillPrintedInOrder() throws IOException {
    CliRun r = CliRun.run("arn", "parse",
        "arn:aws:s3:::a", "arn:aws:s3:::", "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        "not-an-arn", "arn:aws:sqs:us-east-1:123456789012:q");
    assertEquals(2, r.code());
    List<String> lines = r.outLines();
    assertEquals(5, lines.size(), r.out());
    assertEquals("a", JSON.readTree(lines.get(0)).get("resource").asText());
    assertTrue(JSON.readTree(lines.get(1)).has("error"));
    assertEquals("instance/i-1", JSON.readTree(lines.get(2)).get("resource").asText());
    assertTrue(JSON.readTree(lines.get(3)).has("error"));
    assertEquals("q", JSON.readTree(lines.get(4)).get("resource").asText());
  }

  @Test
  void jsonEscapesInTheResource() throws IOException {
    String arn = "arn:aws:s3:::b/a \"quoted\" \\ key é";
    JsonNode n = only(CliRun.run("arn", "parse", arn));
    assertEquals("b/a \"quoted\" \\ key é", n.get("resource").asText());
    assertEquals("a \"quoted\" \\ key é", n.get("qualifier").asText());
  }

  @Test
  void usageErrors() {
    assertEquals(1, CliRun.run("arn", "parse").code(), "no ARN");
    assertEquals(1, CliRun.run("arn").code(), "no subcommand");
    assertEquals(1, CliRun.run("arn", "frobnicate").code());
    CliRun r = CliRun.run("arn", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("parse") && r.out().contains("match"), r.out());
  }

  /**
   * Generated ARNs of shapes with a documented meaning: the five fixed parts come back verbatim,
   * and type / id / qualifier are the generator's own pieces.
   */
  @Test
  void generatedArnsSplitAsTheirTemplatesSay() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] partitions = {"aws", "aws-cn", "aws-us-gov", "aws-iso-b"};
    List<String> args = new ArrayList<>();
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String part = partitions[rnd.nextInt(partitions.length)];
      String acct = digits(rnd, 12);
      switch (rnd.nextInt(5)) {
        case 0 -> { // S3 object: bucket, then key (may contain '/' and ':')
          String bucket = word(rnd, "abc0123-.", 3, 20);
          String key = word(rnd, "ab/:_-. x", 1, 30);
          args.add("arn:" + part + ":s3:::" + bucket + "/" + key);
          expected.add(new String[] {part, "s3", null, null, bucket + "/" + key, "object", bucket,
              key});
        }
        case 1 -> { // IAM role with a path: the id keeps the path (RoleNameWithPath)
          String path = rnd.nextBoolean() ? "" : word(rnd, "abc-", 1, 8) + "/";
          String name = word(rnd, "abcXYZ019+=,.@_-", 1, 20);
          args.add("arn:" + part + ":iam::" + acct + ":role/" + path + name);
          expected.add(new String[] {part, "iam", null, acct, "role/" + path + name, "role",
              path + name, null});
        }
        case 2 -> { // STS session: role, then session name
          String role = word(rnd, "abcXYZ019+=,.@_-", 1, 20);
          String session = word(rnd, "abcXYZ019=,.@-", 2, 30);
          args.add("arn:" + part + ":sts::" + acct + ":assumed-role/" + role + "/" + session);
          expected.add(new String[] {part, "sts", null, acct,
              "assumed-role/" + role + "/" + session, "assumed-role", role, session});
        }
        case 3 -> { // Lambda function with an alias that starts with a letter
          String fn = word(rnd, "abcXYZ019_-", 1, 20);
          String alias = "A" + word(rnd, "abcXYZ019_-", 0, 10);
          String region = "us-west-" + (1 + rnd.nextInt(2));
          args.add("arn:" + part + ":lambda:" + region + ":" + acct + ":function:" + fn + ":" + alias);
          expected.add(new String[] {part, "lambda", region, acct, "function:" + fn + ":" + alias,
              "function alias", fn, alias});
        }
        default -> { // EC2 instance
          String id = "i-" + word(rnd, "0123456789abcdef", 8, 17);
          String region = "eu-central-1";
          args.add("arn:" + part + ":ec2:" + region + ":" + acct + ":instance/" + id);
          expected.add(new String[] {part, "ec2", region, acct, "instance/" + id, "instance", id,
              null});
        }
      }
    }
    args.add(0, "parse");
    args.add(0, "arn");
    CliRun r = CliRun.run(args.toArray(new String[0]));
    assertEquals(0, r.code(), "seed " + seed + ": " + r.err());
    List<String> lines = r.outLines();
    assertEquals(expected.size(), lines.size(), "seed " + seed);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = JSON.readTree(lines.get(i));
      String[] e = expected.get(i);
      for (int k = 0; k < KEYS.size(); k++) {
        assertEquals(e[k] == null ? "null" : e[k], text(n, KEYS.get(k)),
            "seed " + seed + ", " + args.get(i + 2) + ", " + KEYS.get(k));
      }
    }
  }

  private static String digits(SplittableRandom rnd, int n) {
    return word(rnd, "0123456789", n, n);
  }

  private static String word(SplittableRandom rnd, String alphabet, int min, int max) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ arn match

  private static boolean matches(CliRun r) throws IOException {
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode n = only(r);
    assertEquals(List.of("matches"), keys(n));
    assertTrue(n.get("matches").isBoolean(), r.out());
    return n.get("matches").asBoolean();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "arn:aws:s3:::b/* | arn:aws:s3:::b/k/x | true",
    "arn:aws:s3:::b/* | arn:aws:s3:::b | false",
    "arn:aws:s3:::b* | arn:aws:s3:::bucket/k | true",
    "* | arn:aws-cn:kms:cn-north-1:123456789012:key/k | true",
    "arn:aws:iam::*:role/* | arn:aws:iam::123456789012:role/a/b | true",
    "arn:aws:iam::*:role/* | arn:aws:iam::123456789012:user/a | false",
    "arn:aws:iam::123456789012:role/Admin | arn:aws:iam::123456789012:role/admin | false",
    "arn:aws:iam::123456789012:role/?dmin | arn:aws:iam::123456789012:role/Admin | true",
    "arn:*:iam::*:role/x | arn:aws-us-gov:iam::123456789012:role/x | true",
    "arn:aws:logs:*:*:log-group:g:* | arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s"
        + " | true",
    // a '*' in the region segment does not cross into the account segment
    "arn:aws:ec2:*:instance/* | arn:aws:ec2:us-east-1:123456789012:instance/i-1 | false",
    "arn:aws:ec2:*:*:instance/* | arn:aws:ec2:us-east-1:123456789012:instance/i-1 | true",
    "arn:aws:lambda:*:*:function:f | arn:aws:lambda:us-east-1:123456789012:function:f:PROD"
        + " | false",
    "arn:aws:s3:::b/${*}x | arn:aws:s3:::b/*x | true",
    "arn:aws:s3:::b/${*}x | arn:aws:s3:::b/yx | false",
  })
  void matchExamples(String pattern, String arn, boolean expected) throws IOException {
    assertEquals(expected, matches(CliRun.run("arn", "match", pattern, arn)), pattern + " " + arn);
  }

  @Test
  void unboundVariablesMatchNothing() throws IOException {
    String p = "arn:aws:s3:::home/${aws:username}/*";
    assertFalse(matches(CliRun.run("arn", "match", p, "arn:aws:s3:::home/alice/x")));
    // not even a value that looks like the placeholder text
    assertFalse(matches(CliRun.run("arn", "match", p, "arn:aws:s3:::home/${aws:username}/x")));
  }

  @Test
  void boundVariables() throws IOException {
    String p = "arn:aws:s3:::home/${aws:username}/*";
    String arn = "arn:aws:s3:::home/alice/x";
    assertTrue(matches(CliRun.run("arn", "match", "--var", "aws:username=alice", p, arn)));
    assertFalse(matches(CliRun.run("arn", "match", "--var", "aws:username=bob", p, arn)));
    // key names compare ignoring case, as IAM's context keys do
    assertTrue(matches(CliRun.run("arn", "match", "--var", "AWS:UserName=alice", p, arn)));
    // a repeated name gives alternatives
    assertTrue(matches(CliRun.run("arn", "match", "--var", "aws:username=bob",
        "--var", "aws:username=alice", p, arn)));
    // a bound value is literal text, not a wildcard
    assertFalse(matches(CliRun.run("arn", "match", "--var", "aws:username=*", p, arn)));
    assertTrue(matches(CliRun.run("arn", "match", "--var", "aws:username=*", p,
        "arn:aws:s3:::home/*/x")));
    // a value may contain '='
    assertTrue(matches(CliRun.run("arn", "match", "--var", "aws:username=a=b", p,
        "arn:aws:s3:::home/a=b/x")));
  }

  @Test
  void defaultsApplyWhenUnbound() throws IOException {
    String p = "arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*";
    assertTrue(matches(CliRun.run("arn", "match", p, "arn:aws:s3:::b/shared/x")));
    assertFalse(matches(CliRun.run("arn", "match", p, "arn:aws:s3:::b/red/x")));
    assertTrue(matches(CliRun.run("arn", "match", "--var", "aws:PrincipalTag/team=red", p,
        "arn:aws:s3:::b/red/x")));
  }

  @Test
  void invalidPatternOrArnExitsTwo() throws IOException {
    CliRun r = CliRun.run("arn", "match", "arn:aws:s3:::b/${aws:username", "arn:aws:s3:::b/x");
    assertEquals(2, r.code());
    String msg = only(r).get("error").asText();
    assertTrue(msg.contains("pattern") && msg.contains("index 15"), msg);

    r = CliRun.run("arn", "match", "arn:aws:s3:::b/*", "arn:aws:s3:us-east-1:12:b");
    assertEquals(2, r.code());
    msg = only(r).get("error").asText();
    assertTrue(msg.contains("account") && msg.contains("index 23"), msg);

    r = CliRun.run("arn", "match", "*", "arn:aws:s3:::");
    assertEquals(2, r.code());
  }

  @Test
  void matchUsageErrors() {
    assertEquals(1, CliRun.run("arn", "match", "*").code(), "one argument");
    assertEquals(1, CliRun.run("arn", "match", "*", "arn:aws:s3:::b", "x").code(), "three");
    CliRun r = CliRun.run("arn", "match", "--var", "novalue", "*", "arn:aws:s3:::b");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(1, CliRun.run("arn", "match", "--var", "=x", "*", "arn:aws:s3:::b").code());
  }

  @Test
  void helpDocumentsVariables() {
    CliRun r = CliRun.run("arn", "match", "--help");
    assertEquals(0, r.code());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--var"), help);
    assertTrue(help.contains("matches nothing"), help);
  }

  /**
   * A pattern made from an ARN by replacing one run of its resource by '*' matches it; changing one
   * literal character of the pattern (outside that run) makes it not match.
   */
  @Test
  void generatedPatterns() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 25; i++) {
      String resource = word(rnd, "abc/:-", 4, 16);
      String arn = "arn:aws:s3:::" + resource;
      int from = 13 + rnd.nextInt(resource.length());
      int to = from + rnd.nextInt(arn.length() - from + 1);
      String pattern = arn.substring(0, from) + "*" + arn.substring(to);
      assertTrue(matches(CliRun.run("arn", "match", pattern, arn)),
          "seed " + seed + ": " + pattern + " " + arn);
      int change = rnd.nextInt(from); // a literal before the star
      char c = pattern.charAt(change) == 'z' ? 'y' : 'z';
      String wrong = pattern.substring(0, change) + c + pattern.substring(change + 1);
      assertFalse(matches(CliRun.run("arn", "match", wrong, arn)),
          "seed " + seed + ": " + wrong + " " + arn);
    }
  }
}
