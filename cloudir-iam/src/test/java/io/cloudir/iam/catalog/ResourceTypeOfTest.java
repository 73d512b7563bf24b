package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link ActionCatalog#resourceTypeOf(String)} on ARNs whose type is known from AWS's docs. */
class ResourceTypeOfTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  @ParameterizedTest
  @CsvSource({
    "arn:aws:s3:::b/k, s3/object",
    "arn:aws:s3:::b, s3/bucket",
    "arn:aws:s3:::my-bucket/a/b/c.txt, s3/object",
    "arn:aws-cn:s3:::b/k, s3/object",
    "arn:aws:s3:us-east-1:123456789012:accesspoint/ap1, s3/accesspoint",
    "arn:aws:iam::123456789012:role/x, iam/role",
    "arn:aws:iam::123456789012:role/service-role/path/x, iam/role",
    "arn:aws:iam::123456789012:user/alice, iam/user",
    "arn:aws:iam::123456789012:group/admins, iam/group",
    "arn:aws:iam::123456789012:policy/p, iam/policy",
    "arn:aws:iam::aws:policy/AdministratorAccess, iam/policy",
    "arn:aws:iam::123456789012:instance-profile/web, iam/instance-profile",
    "arn:aws:iam::123456789012:mfa/alice, iam/mfa",
    "arn:aws:sts::123456789012:federated-user/bob, sts/federated-user",
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, kms/key",
    "arn:aws:kms:us-east-1:123456789012:alias/my-key, kms/alias",
    "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0, ec2/instance",
    "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123, ec2/security-group",
    "arn:aws:ec2:us-east-1::image/ami-0123, ec2/image",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-0123, ec2/volume",
    "arn:aws:lambda:us-east-1:123456789012:function:my-fn, lambda/function",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f, logs/log-group",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:2024/01/01/x, logs/log-stream",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders, dynamodb/table",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/ByDate, dynamodb/index",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000, dynamodb/stream",
    "arn:aws:sns:us-east-1:123456789012:alerts, sns/topic",
    "arn:aws:sqs:us-east-1:123456789012:jobs, sqs/queue",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf, secretsmanager/Secret",
    "arn:aws:cloudtrail:us-east-1:123456789012:trail/management, cloudtrail/trail",
  })
  void knownTypes(String arn, String expected) {
    Optional<ResourceTypeInfo> t = CATALOG.resourceTypeOf(arn);
    assertEquals(expected, t.map(ResourceTypeInfo::toString).orElse("none"), arn);
    assertTrue(t.orElseThrow().matches(arn));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "s3://b/k", "arn:aws", "arn:aws:s3", "arn:aws:s3:::", "arn:aws:nosuchservice:us-east-1:1:x/y",
    "ARN:aws:s3:::b", "arn::s3:::b", "arn:aws:iam::123456789012:", "arn:aws:iam::123456789012:nothing/x"
  })
  void notResources(String arn) {
    assertFalse(CATALOG.resourceTypeOf(arn).isPresent(), arn);
  }

  @Test
  void serviceScopedLookup() {
    ServiceInfo sts = CATALOG.service("sts").orElseThrow();
    assertEquals("sts/role", sts.resourceTypeOf("arn:aws:iam::123456789012:role/x").orElseThrow().toString());
    ServiceInfo s3 = CATALOG.service("s3").orElseThrow();
    assertEquals("s3/object", s3.resourceTypeOf("arn:aws:s3:::b/k").orElseThrow().toString());
    assertFalse(s3.resourceTypeOf("arn:aws:iam::123456789012:role/x").isPresent());
  }

  @Test
  void allMatchesAreOrderedBySpecificity() {
    List<ResourceTypeInfo> all = CATALOG.resourceTypesOf("arn:aws:s3:::b/k");
    assertEquals("s3/object", all.get(0).toString());
    assertTrue(all.stream().anyMatch(t -> t.toString().equals("s3/bucket")));
    assertTrue(all.stream().allMatch(t -> t.matches("arn:aws:s3:::b/k")));
  }

  /**
   * Every template, filled in with plausible values, matches its own type, and the chosen type's
   * template matches too and is at least as specific.
   */
  @Test
  void everyTemplateMatchesItsOwnInstances() {
    int checked = 0;
    for (ServiceInfo s : CATALOG.services()) {
      for (ResourceTypeInfo t : s.resourceTypes()) {
        for (String arn : List.of(instantiate(t.arnTemplate(), "x"), instantiate(t.arnTemplate(), "a/b"))) {
          assertTrue(t.matches(arn), t + " " + arn);
          List<ResourceTypeInfo> all = CATALOG.resourceTypesOf(arn);
          if (arn.contains("${") || ResourceMatching.arnService(arn).isEmpty()) {
            continue;
          }
          assertTrue(all.contains(t) || !ResourceMatching.arnService(arn).equals(t.compiled().service()),
              t + " not found for " + arn);
          ResourceTypeInfo best = all.get(0);
          assertTrue(best.matches(arn));
          assertTrue(best.compiled().specificity() >= t.compiled().specificity(), arn);
          checked++;
        }
      }
    }
    assertTrue(checked > 4000, "checked " + checked);
  }

  /** Replaces each ${Var}: Partition by aws, Region by us-east-1, Account by digits, else value. */
  private static String instantiate(String template, String value) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int colons = 0;
    while (i < template.length()) {
      if (template.startsWith("${", i)) {
        int end = template.indexOf('}', i);
        String var = template.substring(i + 2, end);
        switch (var) {
          case "Partition":
            sb.append("aws");
            break;
          case "Region":
            sb.append("us-east-1");
            break;
          case "Account":
            sb.append("123456789012");
            break;
          default:
            sb.append(colons < 5 ? "x" : value);
        }
        i = end + 1;
      } else {
        if (template.charAt(i) == ':') {
          colons++;
        }
        sb.append(template.charAt(i++));
      }
    }
    return sb.toString();
  }
}
