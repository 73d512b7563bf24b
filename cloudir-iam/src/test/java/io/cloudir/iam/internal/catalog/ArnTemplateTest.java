package io.cloudir.iam.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ARN template matcher's rules, one by one. */
class ArnTemplateTest {
  private static final ArnTemplate OBJECT =
      ArnTemplate.compile("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  private static final ArnTemplate LOG_STREAM =
      ArnTemplate.compile(
          "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}");
  private static final ArnTemplate FUNCTION =
      ArnTemplate.compile("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}");

  @Test
  void literalsAndVariables() {
    assertTrue(OBJECT.matches("arn:aws:s3:::b/k"));
    assertTrue(OBJECT.matches("arn:aws:s3:::b/k/with/slashes"));
    assertTrue(OBJECT.matches("arn:aws-us-gov:s3:::b/k"));
    assertFalse(OBJECT.matches("arn:aws:s3:::b"));
    assertFalse(OBJECT.matches("arn:aws:s3:::/k")); // a variable is never empty
    assertFalse(OBJECT.matches("arn:aws:s3:::b/"));
    assertFalse(OBJECT.matches("arn::s3:::b/k"));
    assertFalse(OBJECT.matches("arn:aws:S3:::b/k")); // case-sensitive
    assertFalse(OBJECT.matches("arn:a:b:s3:::b/k")); // no ':' in a header variable
    assertEquals("s3", OBJECT.service());
    assertEquals(2 + 1, OBJECT.variableCount());
    assertEquals("arn:".length() + ":s3:::".length() + "/".length(), OBJECT.specificity());
  }

  @Test
  void colonsOnlyInTheLastVariable() {
    assertTrue(LOG_STREAM.matches(
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:2024/01/01/[$LATEST]abc"));
    assertFalse(LOG_STREAM.matches("arn:aws:logs:us-east-1:123456789012:log-group:a:b:log-stream:s"));
    assertTrue(LOG_STREAM.matches("arn:aws:logs:us-east-1:123456789012:log-group:a:log-stream:s:t"));
    assertTrue(FUNCTION.matches("arn:aws:lambda:us-east-1:123456789012:function:f:PROD"));
    assertFalse(FUNCTION.matches("arn:aws:lambda:us-east-1:123456789012:function:"));
  }

  @Test
  void templatesWithoutVariablesOrService() {
    ArnTemplate root = ArnTemplate.compile("arn:${Partition}:iam::${Account}:root");
    assertTrue(root.matches("arn:aws:iam::123456789012:root"));
    assertFalse(root.matches("arn:aws:iam::123456789012:rootx"));
    ArnTemplate fixed = ArnTemplate.compile("arn:aws:iam::aws:x");
    assertTrue(fixed.matches("arn:aws:iam::aws:x"));
    assertFalse(fixed.matches("arn:aws:iam::aws:y"));
    assertNull(ArnTemplate.compile("arn:${Partition}:${Vendor}:::x").service());
    assertThrows(IllegalArgumentException.class, () -> ArnTemplate.compile("arn:${Partition"));
    assertThrows(IllegalArgumentException.class, () -> ArnTemplate.compile("arn:${}:s3"));
  }

  @Test
  void wildcard() {
    assertTrue(Wildcard.matches("s3:Get*", "S3:GETOBJECT"));
    assertTrue(Wildcard.matches("*", ""));
    assertTrue(Wildcard.matches("a*b*c", "abc"));
    assertTrue(Wildcard.matches("a*b*c", "aXbYbZc"));
    assertFalse(Wildcard.matches("a*b*c", "aXbYbZ"));
    assertTrue(Wildcard.matches("?", "x"));
    assertFalse(Wildcard.matches("?", ""));
    assertFalse(Wildcard.matches("", "x"));
    assertEquals("abc-1", Wildcard.lower("AbC-1"));
    assertTrue(Wildcard.compareIgnoreCase("s3", "s3-outposts") < 0);
    assertTrue(Wildcard.compareIgnoreCase("A", "a") < 0);
  }

  @Test
  void keyTemplates() {
    assertEquals("aws:RequestTag/?*", KeyTemplate.glob("aws:RequestTag/${TagKey}"));
    assertEquals("s3:ExistingObjectTag/?*", KeyTemplate.glob("s3:ExistingObjectTag/<key>"));
    assertNull(KeyTemplate.glob("s3:prefix"));
    assertTrue(KeyTemplate.matches("s3:prefix", "S3:Prefix"));
    assertTrue(KeyTemplate.matches("kms:EncryptionContext:${K}", "kms:encryptioncontext:a:b"));
    assertFalse(KeyTemplate.matches("kms:EncryptionContext:${K}", "kms:EncryptionContext:"));
  }
}
