package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The packed per-slot layout information of {@link ResourceLayout}: each field reads back what the
 * services' documented ARN layouts say, and fields of one slot do not leak into another question.
 */
class ResourceLayoutTest {

  private static int slot(String name) {
    int i = ArnNames.find(name, 0, name.length());
    assertTrue(i >= 0, name);
    return i;
  }

  @Test
  void serviceLayouts() {
    assertEquals(ResourceLayout.ID_ONLY, ResourceLayout.ofService(slot("sqs")));
    assertEquals(ResourceLayout.ID_COLON_QUALIFIER, ResourceLayout.ofService(slot("sns")));
    assertEquals(ResourceLayout.ID_SLASH_QUALIFIER, ResourceLayout.ofService(slot("execute-api")));
    assertEquals(ResourceLayout.TYPE_ID_COLON_QUALIFIER, ResourceLayout.ofService(slot("lambda")));
    assertEquals(ResourceLayout.TYPE_ID_SLASH_QUALIFIER, ResourceLayout.ofService(slot("dynamodb")));
    assertEquals(ResourceLayout.IAM_PATH, ResourceLayout.ofService(slot("iam")));
    assertEquals(ResourceLayout.LEADING_SLASH, ResourceLayout.ofService(slot("apigateway")));
    // generic services, a resource type's slot, and no slot at all
    assertEquals(ResourceLayout.GENERIC, ResourceLayout.ofService(slot("ec2")));
    assertEquals(ResourceLayout.GENERIC, ResourceLayout.ofService(slot("assumed-role")));
    assertEquals(ResourceLayout.GENERIC, ResourceLayout.ofService(-1));
  }

  @Test
  void typeOverridesApplyOnlyToTheirService() {
    int sts = slot("sts");
    int ecs = slot("ecs");
    int s3 = slot("s3");
    assertEquals(ResourceLayout.TYPE_ID_SLASH_QUALIFIER,
        ResourceLayout.ofType(sts, slot("assumed-role")));
    assertEquals(ResourceLayout.TYPE_ID_COLON_QUALIFIER,
        ResourceLayout.ofType(ecs, slot("task-definition")));
    assertEquals(ResourceLayout.TYPE_ID_SLASH_QUALIFIER, ResourceLayout.ofType(s3, slot("accesspoint")));
    assertEquals(ResourceLayout.TYPE_ID_COLON_QUALIFIER,
        ResourceLayout.ofType(slot("cloudformation"), slot("stackset")));
    // the same type under another service, a type without override, unknown slots
    assertEquals(-1, ResourceLayout.ofType(ecs, slot("assumed-role")));
    assertEquals(-1, ResourceLayout.ofType(sts, slot("task-definition")));
    assertEquals(-1, ResourceLayout.ofType(sts, slot("role")));
    assertEquals(-1, ResourceLayout.ofType(-1, slot("assumed-role")));
    assertEquals(-1, ResourceLayout.ofType(sts, -1));
    // withType: an override replaces GENERIC, a service's own layout stays otherwise
    assertEquals(ResourceLayout.TYPE_ID_SLASH_QUALIFIER,
        ResourceLayout.withType(ResourceLayout.GENERIC, sts, slot("assumed-role")));
    assertEquals(ResourceLayout.TYPE_ID_COLON_QUALIFIER,
        ResourceLayout.withType(ResourceLayout.TYPE_ID_COLON_QUALIFIER, slot("lambda"), slot("function")));
  }

  @Test
  void iamPathTypes() {
    for (String t : new String[] {"user", "role", "group", "policy", "instance-profile",
        "server-certificate", "mfa"}) {
      assertTrue(ResourceLayout.isIamPathType(slot(t)), t);
    }
    for (String t : new String[] {"assumed-role", "saml-provider", "function", "iam", "sts"}) {
      assertFalse(ResourceLayout.isIamPathType(slot(t)), t);
    }
    assertFalse(ResourceLayout.isIamPathType(-1));
  }
}
