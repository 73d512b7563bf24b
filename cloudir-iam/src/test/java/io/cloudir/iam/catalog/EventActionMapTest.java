package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link EventActionMap} on events whose IAM action is known from AWS's documentation. */
class EventActionMapTest {
  private static final EventActionMap MAP = EventActionMap.bundled();

  @ParameterizedTest
  @CsvSource({
    // default rule
    "s3.amazonaws.com, GetObject, s3:GetObject",
    "s3.amazonaws.com, PutObject, s3:PutObject",
    "s3.amazonaws.com, GetBucketAcl, s3:GetBucketAcl",
    "s3.amazonaws.com, PutBucketPolicy, s3:PutBucketPolicy",
    "iam.amazonaws.com, CreateUser, iam:CreateUser",
    "iam.amazonaws.com, AttachRolePolicy, iam:AttachRolePolicy",
    "sts.amazonaws.com, AssumeRole, sts:AssumeRole",
    "sts.amazonaws.com, GetCallerIdentity, sts:GetCallerIdentity",
    "ec2.amazonaws.com, RunInstances, ec2:RunInstances",
    "ec2.amazonaws.com, AuthorizeSecurityGroupIngress, ec2:AuthorizeSecurityGroupIngress",
    "kms.amazonaws.com, Decrypt, kms:Decrypt",
    "cloudtrail.amazonaws.com, StopLogging, cloudtrail:StopLogging",
    "secretsmanager.amazonaws.com, GetSecretValue, secretsmanager:GetSecretValue",
    "guardduty.amazonaws.com, DeleteDetector, guardduty:DeleteDetector",
    // sources whose prefix differs
    "monitoring.amazonaws.com, DescribeAlarms, cloudwatch:DescribeAlarms",
    "monitoring.amazonaws.com, PutMetricAlarm, cloudwatch:PutMetricAlarm",
    "email.amazonaws.com, SendEmail, ses:SendEmail",
    "tagging.amazonaws.com, GetResources, tag:GetResources",
    // S3 operations named unlike their actions
    "s3.amazonaws.com, ListObjects, s3:ListBucket",
    "s3.amazonaws.com, ListObjectsV2, s3:ListBucket",
    "s3.amazonaws.com, HeadObject, s3:GetObject",
    "s3.amazonaws.com, HeadBucket, s3:ListBucket",
    "s3.amazonaws.com, ListBuckets, s3:ListAllMyBuckets",
    "s3.amazonaws.com, DeleteObjects, s3:DeleteObject",
    "s3.amazonaws.com, PutBucketEncryption, s3:PutEncryptionConfiguration",
    "s3.amazonaws.com, DeleteBucketPublicAccessBlock, s3:PutBucketPublicAccessBlock",
    "s3.amazonaws.com, CreateMultipartUpload, s3:PutObject",
    // Lambda
    "lambda.amazonaws.com, Invoke, lambda:InvokeFunction",
    "lambda.amazonaws.com, UpdateFunctionCode20150331v2, lambda:UpdateFunctionCode",
    "lambda.amazonaws.com, AddPermission20150331v2, lambda:AddPermission",
    "lambda.amazonaws.com, CreateFunction20150331, lambda:CreateFunction",
    "lambda.amazonaws.com, GetFunction20150331v2, lambda:GetFunction",
    "billingconsole.amazonaws.com, GetContactInformation, account:GetContactInformation",
  })
  void mapsTo(String source, String name, String action) {
    assertEquals(Optional.of(action), MAP.actionFor(source, name));
    // a second call is answered from the cache, with the same result
    assertSame(MAP.resolve(source, name), MAP.resolve(source, name));
  }

  @Test
  void severalActions() {
    assertEquals(List.of("s3:PutObject", "s3:GetObject"), actions("s3.amazonaws.com", "CopyObject"));
    assertEquals(List.of("kms:ReEncryptFrom", "kms:ReEncryptTo"), actions("kms.amazonaws.com", "ReEncrypt"));
    assertEquals(Optional.of("kms:ReEncryptFrom"), MAP.actionFor("kms.amazonaws.com", "ReEncrypt"));
    assertEquals(EventMapping.Kind.TABLE, MAP.resolve("s3.amazonaws.com", "CopyObject").kind());
  }

  @Test
  void noIamAction() {
    for (String name : List.of("ConsoleLogin", "CheckMfa", "SwitchRole", "ExitRole")) {
      EventMapping m = MAP.resolve("signin.amazonaws.com", name);
      assertEquals(EventMapping.Kind.NO_IAM_ACTION, m.kind(), name);
      assertTrue(m.actions().isEmpty());
      assertFalse(MAP.actionFor("signin.amazonaws.com", name).isPresent());
    }
    assertEquals(EventMapping.Kind.NO_IAM_ACTION, MAP.resolve("kms.amazonaws.com", "RotateKey").kind());
  }

  @Test
  void unknown() {
    assertEquals(EventMapping.Kind.UNKNOWN, MAP.resolve("eventSource1", "eventName1").kind());
    assertEquals(EventMapping.Kind.UNKNOWN, MAP.resolve("s3.amazonaws.com", "NoSuchOperation").kind());
    assertEquals(EventMapping.Kind.UNKNOWN, MAP.resolve("nosuch.amazonaws.com", "GetObject").kind());
    assertEquals(EventMapping.Kind.UNKNOWN, MAP.resolve(".amazonaws.com", "GetObject").kind());
    assertEquals(EventMapping.Kind.UNKNOWN, MAP.resolve("", "").kind());
    assertFalse(MAP.actionFor("s3.amazonaws.com", "GetObject2020").isPresent());
    assertEquals(EventMapping.Kind.DEFAULT_RULE, MAP.resolve("s3.amazonaws.com", "GetObject").kind());
  }

  @Test
  void servicePrefixes() {
    assertEquals(Optional.of("iam"), MAP.servicePrefixFor("iam.amazonaws.com"));
    assertEquals(Optional.of("cloudwatch"), MAP.servicePrefixFor("monitoring.amazonaws.com"));
    assertEquals(Optional.of("ses"), MAP.servicePrefixFor("email.amazonaws.com"));
    assertEquals(Optional.of("sso"), MAP.servicePrefixFor("sso.amazonaws.com"));
    assertEquals(Optional.of("dynamodb"), MAP.servicePrefixFor("streams.dynamodb.amazonaws.com"));
    assertFalse(MAP.servicePrefixFor("monitoring").isPresent());
    assertFalse(MAP.servicePrefixFor("AWS Internal").isPresent());
  }

  @Test
  void versionSuffixes() {
    assertEquals("UpdateFunctionCode".length(), EventActionMap.versionSuffixStart("UpdateFunctionCode20150331v2"));
    assertEquals("CreateFunction".length(), EventActionMap.versionSuffixStart("CreateFunction20150331"));
    assertEquals("CreateDistribution".length(), EventActionMap.versionSuffixStart("CreateDistribution2020_05_31"));
    assertEquals("X".length(), EventActionMap.versionSuffixStart("X2019_03_26v3"));
    assertEquals(-1, EventActionMap.versionSuffixStart("ListObjectsV2"));
    assertEquals(-1, EventActionMap.versionSuffixStart("GetObject"));
    assertEquals(-1, EventActionMap.versionSuffixStart("20150331"));
    assertEquals(-1, EventActionMap.versionSuffixStart("A120150331"));
    assertEquals(-1, EventActionMap.versionSuffixStart("v2"));
    assertEquals(-1, EventActionMap.versionSuffixStart(""));
  }

  @Test
  void everyTableActionIsInTheCatalog() {
    // the constructor checks this; this makes the check visible and exercises every entry
    for (ActionInfo a : MAP.resolve("s3.amazonaws.com", "UploadPartCopy").actions()) {
      assertSame(a, MAP.catalog().action(a.fullName()).orElseThrow());
    }
  }

  private static List<String> actions(String source, String name) {
    return MAP.resolve(source, name).actions().stream().map(ActionInfo::fullName).collect(Collectors.toList());
  }
}
