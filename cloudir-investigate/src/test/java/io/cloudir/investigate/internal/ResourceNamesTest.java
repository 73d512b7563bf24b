package io.cloudir.investigate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.RecordStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Resource ARNs built from the catalog's templates. Expected ARNs are written from the ARN
 * formats in the AWS Service Authorization Reference ("Resource types defined by …" tables).
 */
class ResourceNamesTest {

  private static CloudTrailEvent ev(String source, String name, String region, String rp) {
    String json = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-14T09:00:00Z\","
        + "\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\""
        + region + "\",\"requestParameters\":" + rp + ",\"recipientAccountId\":\"111122223333\"}";
    return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  @Test
  void iamUserWithAndWithoutPath() {
    assertEquals(List.of("arn:aws:iam::111122223333:user/mallory"), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "us-east-1", "{\"userName\":\"mallory\"}")));
    assertEquals(List.of("arn:aws:iam::111122223333:user/ops/mallory"), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "us-east-1",
            "{\"userName\":\"mallory\",\"path\":\"/ops/\"}")));
  }

  @Test
  void securityGroupFromGroupId() {
    List<String> arns = ResourceNames.of(ev("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
        "eu-west-1", "{\"groupId\":\"sg-0123456789abcdef0\",\"ipPermissions\":{}}"));
    assertTrue(arns.contains("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0123456789abcdef0"),
        arns.toString());
  }

  @Test
  void lambdaFunctionAndS3ObjectAndPartitions() {
    assertEquals(List.of("arn:aws:lambda:us-west-2:111122223333:function:billing"),
        ResourceNames.of(ev("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "us-west-2",
            "{\"functionName\":\"billing\"}")));
    assertTrue(ResourceNames.of(ev("s3.amazonaws.com", "GetObject", "us-east-1",
            "{\"bucketName\":\"loot\",\"key\":\"db/dump.sql\"}"))
        .contains("arn:aws:s3:::loot/db/dump.sql"));
    assertEquals(List.of("arn:aws-cn:iam::111122223333:user/x"), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "cn-north-1", "{\"userName\":\"x\"}")));
    assertEquals(List.of("arn:aws-us-gov:iam::111122223333:user/x"), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "us-gov-west-1", "{\"userName\":\"x\"}")));
  }

  @Test
  void nothingIsGuessed() {
    // already an ARN: left to the caller, not wrapped in a template
    assertEquals(List.of(), ResourceNames.of(ev("lambda.amazonaws.com",
        "UpdateFunctionCode20150331v2", "us-west-2",
        "{\"functionName\":\"arn:aws:lambda:us-west-2:111122223333:function:billing\"}")));
    // a missing variable, a wildcard, an unknown call
    assertEquals(List.of(), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "us-east-1", "{\"path\":\"/\"}")));
    assertEquals(List.of(), ResourceNames.of(
        ev("iam.amazonaws.com", "CreateUser", "us-east-1", "{\"userName\":\"a*\"}")));
    assertEquals(List.of(), ResourceNames.of(
        ev("example.amazonaws.com", "DoThing", "us-east-1", "{\"userName\":\"a\"}")));
  }

  @Test
  @Tag("corpus")
  void everyArnBuiltFromTheRealAttackDatasetIsValid() throws Exception {
    Path dir = Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus", "cloudtrail",
        "invictus_aws_dataset");
    int built = 0;
    try (RecordStream rs = LogReader.create().open(dir)) {
      for (LogRecord r : rs) {
        for (String arn : ResourceNames.of((CloudTrailEvent) r)) {
          Arn parsed = Arn.parse(arn);
          String acct = parsed.account();
          assertTrue(acct.isEmpty() || acct.equals(((CloudTrailEvent) r).recipientAccountId()),
              arn);
          built++;
        }
      }
    }
    // the dataset creates users, keys, roles and instances by name: some ARNs must come out
    assertTrue(built > 10, "built " + built);
  }
}
