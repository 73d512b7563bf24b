package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule of {@link ActionCatalog#resourceTypeOf(String)} that reads {@code sts} role-session and
 * federated-user ARNs (as AWS issues them) against the catalog's {@code iam}-spelled templates.
 */
class StsSessionSpellingTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  @ParameterizedTest
  @CsvSource({
    "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com, iam/assumed-role",
    "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/alice, iam/assumed-role",
    "arn:aws-cn:sts::123456789012:assumed-role/r/i-0123456789abcdef0, iam/assumed-role",
    "arn:aws-us-gov:sts::123456789012:assumed-role/r/s, iam/assumed-role",
    // sts has its own federated-user template: both spellings match, the ARN's own service wins
    "arn:aws:sts::123456789012:federated-user/bob, sts/federated-user",
    // the iam spelling is unchanged by the rule
    "arn:aws:iam::123456789012:assumed-role/Admin/s, iam/assumed-role",
  })
  void sessionArns(String arn, String expected) {
    assertEquals(expected, CATALOG.resourceTypeOf(arn).map(Object::toString).orElse("none"), arn);
  }

  @Test
  void theIamTemplateMatchesTheIamSpellingOnly() {
    String sts = "arn:aws:sts::123456789012:assumed-role/Admin/s";
    ResourceTypeInfo t = CATALOG.resourceTypeOf(sts).orElseThrow();
    assertFalse(t.matches(sts), "the catalog data spells the template with iam");
    assertTrue(t.matches(sts.replace(":sts:", ":iam:")));
  }

  @Test
  void federatedUserListsBothSpellings() {
    List<ResourceTypeInfo> all =
        CATALOG.resourceTypesOf("arn:aws:sts::123456789012:federated-user/bob");
    List<String> names = all.stream().map(Object::toString).toList();
    assertEquals("sts/federated-user", names.get(0), names.toString());
    assertTrue(names.contains("iam/federated-user"), names.toString());
  }

  /** Only the two session shapes are re-read; other sts or malformed inputs are not. */
  @ParameterizedTest
  @ValueSource(strings = {
    "arn:aws:sts::123456789012:role/x",
    "arn:aws:sts::123456789012:user/x",
    "arn:aws:sts::123456789012:assumed-role",
    "arn:aws:sts::123456789012:assumed-role/",
    "arn:aws:sts::123456789012:xassumed-role/r/s",
    "arn:aws:sts:us-east-1:assumed-role/r/s",
    "arn:aws:sts",
    "arn:aws:ec2:us-east-1:123456789012:assumed-role/r/s",
  })
  void otherArnsAreNotReRead(String arn) {
    assertTrue(
        CATALOG.resourceTypesOf(arn).stream()
            .noneMatch(t -> t.name().equals("assumed-role") || t.name().equals("federated-user")),
        arn);
  }
}
