package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {

  /** Parses and checks every accessor; null expected values mean "absent". */
  private static Arn check(
      String text,
      String partition,
      String service,
      String region,
      String account,
      String resource,
      String type,
      String id,
      String qualifier) {
    Arn arn = Arn.parse(text);
    assertEquals(text, arn.toString(), "round trip");
    assertEquals(partition, arn.partition(), "partition");
    assertEquals(service, arn.service(), "service");
    assertEquals(region, arn.region(), "region");
    assertEquals(account, arn.account(), "account");
    assertEquals(resource, arn.resource(), "resource");
    assertEquals(type, arn.resourceType(), "resourceType");
    assertEquals(id, arn.resourceId(), "resourceId");
    assertEquals(qualifier, arn.qualifier(), "qualifier");
    assertTrue(Arn.isValid(text));
    assertEquals(arn, Arn.tryParse(text).orElseThrow());
    return arn;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"})
  void everyKnownPartition(String partition) {
    Arn arn =
        check(
            "arn:" + partition + ":iam::123456789012:user/alice",
            partition, "iam", "", "123456789012", "user/alice", "user", "alice", null);
    assertTrue(arn.hasKnownPartition());
    assertEquals("/", arn.path());
  }

  /**
   * Characters above U+00FF, also a surrogate pair (two chars, one character), in the resource:
   * the split happens at the same char indices as for ASCII.
   */
  @Test
  void resourceBeyondLatin1SplitsAtTheSameIndices() {
    String smile = "\ud83d\ude00";
    Arn role =
        check("arn:aws:iam::123456789012:role/p" + smile + "/x\u4e2d", "aws", "iam", "",
            "123456789012", "role/p" + smile + "/x\u4e2d", "role", "x\u4e2d", null);
    assertEquals("/p" + smile + "/", role.path());
    check("arn:aws:lambda:us-east-1:123456789012:function:f" + smile + "\u013a:PROD", "aws",
        "lambda", "us-east-1", "123456789012", "function:f" + smile + "\u013a:PROD", "function",
        "f" + smile + "\u013a", "PROD");
    // U+012F and U+013A end in the bytes of '/' and ':' but are no separators
    check("arn:aws:ec2:us-east-1:123456789012:ab\u012fc\u013ad/e", "aws", "ec2", "us-east-1",
        "123456789012", "ab\u012fc\u013ad/e", "ab\u012fc\u013ad", "e", null);
    check("arn:aws:s3:::" + smile + "/k" + smile, "aws", "s3", "", "", smile + "/k" + smile, null,
        smile + "/k" + smile, null);
  }

  @Test
  void unknownButWellFormedPartitionIsAccepted() {
    Arn arn = Arn.parse("arn:aws-new-part:s3:::b");
    assertEquals("aws-new-part", arn.partition());
    assertFalse(arn.hasKnownPartition());
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-1", "us-gov-west-1", "cn-north-1", "us-isob-east-1", "eu-isoe-west-1", "eusc-de-east-1", "ap-southeast-7", "il-central-1"})
  void regions(String region) {
    assertEquals(region, Arn.parse("arn:aws:ec2:" + region + ":123456789012:instance/i-1").region());
  }

  @Test
  void iamPaths() {
    Arn role =
        check(
            "arn:aws:iam::123456789012:role/service-role/x",
            "aws", "iam", "", "123456789012", "role/service-role/x", "role", "x", null);
    assertEquals("/service-role/", role.path());
    Arn deep = Arn.parse("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
    assertEquals("AWSServiceRoleForECS", deep.resourceId());
    assertEquals("/aws-service-role/ecs.amazonaws.com/", deep.path());
    Arn managed =
        check(
            "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",
            "aws", "iam", "", "aws", "policy/service-role/AmazonEC2RoleforSSM", "policy",
            "AmazonEC2RoleforSSM", null);
    assertEquals("/service-role/", managed.path());
    Arn root = check("arn:aws:iam::123456789012:root", "aws", "iam", "", "123456789012", "root", null, "root", null);
    assertNull(root.path());
    Arn oidc =
        check(
            "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
            "aws", "iam", "", "123456789012", "oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
            "oidc-provider", "oidc.eks.us-east-1.amazonaws.com/id/ABC", null);
    assertNull(oidc.path());
  }

  @Test
  void stsAssumedRoleAndFederatedUser() {
    check(
        "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com",
        "aws", "sts", "", "123456789012", "assumed-role/Admin/alice@example.com", "assumed-role",
        "Admin", "alice@example.com");
    check(
        "arn:aws:sts::123456789012:federated-user/bob",
        "aws", "sts", "", "123456789012", "federated-user/bob", "federated-user", "bob", null);
  }

  @Test
  void s3ObjectsWithSlashesAndColons() {
    Arn obj =
        check(
            "arn:aws:s3:::my-bucket/logs/2024/01:02:03/x.json",
            "aws", "s3", "", "", "my-bucket/logs/2024/01:02:03/x.json", null,
            "my-bucket/logs/2024/01:02:03/x.json", null);
    assertEquals("my-bucket", obj.bucket());
    assertEquals("logs/2024/01:02:03/x.json", obj.key());
    Arn bucket = check("arn:aws:s3:::my-bucket", "aws", "s3", "", "", "my-bucket", null, "my-bucket", null);
    assertEquals("my-bucket", bucket.bucket());
    assertNull(bucket.key());
    Arn ap =
        check(
            "arn:aws:s3:us-west-2:123456789012:accesspoint/test/object/a/b",
            "aws", "s3", "us-west-2", "123456789012", "accesspoint/test/object/a/b", "accesspoint",
            "test", "object/a/b");
    assertNull(ap.bucket());
    assertNull(Arn.parse("arn:aws:ec2:us-east-1:123456789012:instance/i-1").key());
  }

  @Test
  void lambda() {
    check(
        "arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod",
        "aws", "lambda", "us-east-1", "123456789012", "function:my-fn:prod", "function", "my-fn", "prod");
    check(
        "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
        "aws", "lambda", "us-east-1", "123456789012", "function:my-fn", "function", "my-fn", null);
    check(
        "arn:aws:lambda:us-east-1:123456789012:layer:lib:3",
        "aws", "lambda", "us-east-1", "123456789012", "layer:lib:3", "layer", "lib", "3");
  }

  @Test
  void logGroups() {
    check(
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*",
        "aws", "logs", "us-east-1", "123456789012", "log-group:/aws/lambda/f:*", "log-group",
        "/aws/lambda/f", "*");
    check(
        "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s/1",
        "aws", "logs", "us-east-1", "123456789012", "log-group:g:log-stream:s/1", "log-group", "g",
        "log-stream:s/1");
  }

  @Test
  void otherServices() {
    check("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0", "aws", "ec2", "us-east-1",
        "123456789012", "instance/i-0123456789abcdef0", "instance", "i-0123456789abcdef0", null);
    check("arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000",
        "aws", "dynamodb", "us-east-1", "123456789012", "table/t/stream/2024-01-01T00:00:00.000",
        "table", "t", "stream/2024-01-01T00:00:00.000");
    check("arn:aws:sns:us-east-1:123456789012:topic", "aws", "sns", "us-east-1", "123456789012",
        "topic", null, "topic", null);
    check("arn:aws:sns:us-east-1:123456789012:topic:0b1c-22", "aws", "sns", "us-east-1",
        "123456789012", "topic:0b1c-22", null, "topic", "0b1c-22");
    check("arn:aws:sqs:us-east-1:123456789012:queue.fifo", "aws", "sqs", "us-east-1",
        "123456789012", "queue.fifo", null, "queue.fifo", null);
    check("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "aws",
        "kms", "us-east-1", "123456789012", "key/1234abcd-12ab-34cd-56ef-1234567890ab", "key",
        "1234abcd-12ab-34cd-56ef-1234567890ab", null);
    check("arn:aws:kms:us-east-1:123456789012:alias/aws/s3", "aws", "kms", "us-east-1",
        "123456789012", "alias/aws/s3", "alias", "aws/s3", null);
    check("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", "aws",
        "secretsmanager", "us-east-1", "123456789012", "secret:prod/db-AbCdEf", "secret",
        "prod/db-AbCdEf", null);
    check("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7", "aws", "ecs", "us-east-1",
        "123456789012", "task-definition/web:7", "task-definition", "web", "7");
    check("arn:aws:ecs:us-east-1:123456789012:service/prod/web", "aws", "ecs", "us-east-1",
        "123456789012", "service/prod/web", "service", "prod/web", null);
    check("arn:aws:apigateway:us-east-1::/restapis/a/stages/b", "aws", "apigateway", "us-east-1",
        "", "/restapis/a/stages/b", "restapis", "a", "stages/b");
    check("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets", "aws", "execute-api",
        "us-east-1", "123456789012", "abc123/prod/GET/pets", null, "abc123", "prod/GET/pets");
    check("arn:aws:cloudformation:us-east-1:123456789012:stack/s/uuid-1", "aws", "cloudformation",
        "us-east-1", "123456789012", "stack/s/uuid-1", "stack", "s", "uuid-1");
    check("arn:aws:route53:::hostedzone/Z123", "aws", "route53", "", "", "hostedzone/Z123",
        "hostedzone", "Z123", null);
    check("arn:aws:cloudfront::123456789012:distribution/E1", "aws", "cloudfront", "",
        "123456789012", "distribution/E1", "distribution", "E1", null);
    check("arn:aws:rds:us-east-1:123456789012:db:mydb", "aws", "rds", "us-east-1", "123456789012",
        "db:mydb", "db", "mydb", null);
    // generic fallback: the first '/' or ':' splits
    check("arn:aws:newsvc:us-east-1:123456789012:thing:a/b", "aws", "newsvc", "us-east-1",
        "123456789012", "thing:a/b", "thing", "a/b", null);
    check("arn:aws:newsvc:us-east-1:123456789012:/lead", "aws", "newsvc", "us-east-1",
        "123456789012", "/lead", null, "/lead", null);
  }

  /** input | segment | position of the first offending character. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|PREFIX|0",
        "arn|PREFIX|3",
        "ARN:aws:s3:::b|PREFIX|0",
        "arn;aws:s3:::b|PREFIX|3",
        "arn:|PARTITION|4",
        "arn::s3:::b|PARTITION|4",
        "arn:awz:s3:::b|PARTITION|6",
        "arn:aws-:s3:::b|PARTITION|8",
        "arn:aws-CN:s3:::b|PARTITION|8",
        "arn:awsx:s3:::b|PARTITION|7",
        "arn:aws|PARTITION|7",
        "arn:aws::::b|SERVICE|8",
        "arn:aws:S3:::b|SERVICE|8",
        "arn:aws:s_3:::b|SERVICE|9",
        "arn:aws:s3|SERVICE|10",
        "arn:aws:ec2:us-east:123456789012:instance/i|REGION|19",
        "arn:aws:ec2:u:123456789012:instance/i|REGION|13",
        "arn:aws:ec2:US-east-1:123456789012:instance/i|REGION|12",
        "arn:aws:ec2:us-east-1|REGION|21",
        "arn:aws:iam::12345678901:user/x|ACCOUNT|24",
        "arn:aws:iam::1234567890123:user/x|ACCOUNT|25",
        "arn:aws:iam::abc:user/x|ACCOUNT|14",
        "arn:aws:iam::awsx:user/x|ACCOUNT|16",
        "arn:aws:iam::1234-5678-9012:user/x|ACCOUNT|17",
        "arn:aws:iam::123456789012|ACCOUNT|25",
        "arn:aws:s3:::|RESOURCE|13",
      })
  void invalidArnsSayWhere(String input, ArnSegment segment, int position) {
    ArnParseException e = assertThrows(ArnParseException.class, () -> Arn.parse(input));
    assertEquals(segment, e.segment(), e.getMessage());
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(position, e.location().offset());
    assertNull(e.location().jsonPath());
    assertTrue(Arn.tryParse(input).isEmpty());
    assertFalse(Arn.isValid(input));
  }

  @Test
  void controlCharacterInResourceIsRejected() {
    ArnParseException e =
        assertThrows(ArnParseException.class, () -> Arn.parse("arn:aws:s3:::b/a\nb"));
    assertEquals(ArnSegment.RESOURCE, e.segment());
    assertEquals(16, e.position());
    assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
  }

  @Test
  void tryParseNeverThrows() {
    assertTrue(Arn.tryParse(null).isEmpty());
    assertTrue(Arn.tryParse("").isEmpty());
    assertTrue(Arn.tryParse("arn:aws:s3:::b").isPresent());
  }

  @Test
  void valueSemantics() {
    Arn a = Arn.parse("arn:aws:iam::123456789012:user/a");
    Arn a2 = Arn.parse(new String("arn:aws:iam::123456789012:user/a".toCharArray()));
    Arn b = Arn.parse("arn:aws:iam::123456789012:user/b");
    Arn upper = Arn.parse("arn:aws:iam::123456789012:user/A");
    assertEquals(a, a2);
    assertEquals(a.hashCode(), a2.hashCode());
    assertNotEquals(a, b);
    assertNotEquals(a, upper);
    assertEquals(0, a.compareTo(a2));
    assertTrue(a.compareTo(b) < 0);
    List<Arn> sorted = Arrays.asList(b, a, upper);
    sorted.sort(null);
    assertEquals(List.of(upper, a, b), sorted);
  }
}
