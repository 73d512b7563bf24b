package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link ActionCatalog#expand(String)} against a brute-force reference glob over all actions. */
class ExpandTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  /** The order expand promises: service prefix, then action name, both ignoring case. */
  private static final Comparator<ActionInfo> ORDER =
      Comparator.comparing((ActionInfo a) -> a.service().toLowerCase(Locale.ROOT))
          .thenComparing(a -> a.name().toLowerCase(Locale.ROOT));

  private static List<String> reference(String pattern) {
    return CATALOG.actions().stream()
        .filter(a -> ReferenceGlob.matches(pattern, a.fullName()))
        .sorted(ORDER)
        .map(ActionInfo::fullName)
        .collect(Collectors.toList());
  }

  private static List<String> expand(String pattern) {
    return CATALOG.expand(pattern).stream().map(ActionInfo::fullName).collect(Collectors.toList());
  }

  @Test
  void everything() {
    List<ActionInfo> all = CATALOG.expand("*");
    assertEquals(CATALOG.actions().size(), all.size());
    List<ActionInfo> sorted = new ArrayList<>(all);
    sorted.sort(ORDER);
    assertEquals(sorted, all);
    assertEquals(CATALOG.actions().size(), CATALOG.expand("*:*").size());
  }

  @Test
  void wholeService() {
    List<ActionInfo> s3 = CATALOG.expand("s3:*");
    assertEquals(CATALOG.service("s3").orElseThrow().actions(), s3);
    assertTrue(s3.stream().allMatch(a -> a.service().equals("s3")));
    assertEquals(s3, CATALOG.expand("S3:*"));
    assertEquals(reference("s3:*"), expand("s3:*"));
    assertTrue(CATALOG.expand("nosuchservice:*").isEmpty());
  }

  @Test
  void prefixPatterns() {
    List<String> get = expand("s3:Get*");
    assertTrue(get.contains("s3:GetObject"));
    assertTrue(get.contains("s3:GetBucketPolicy"));
    assertTrue(get.stream().allMatch(n -> n.startsWith("s3:Get")));
    assertEquals(reference("s3:Get*"), get);
    assertEquals(get, expand("s3:get*"));
    assertEquals(List.of("iam:PassRole"), expand("iam:PassRole"));
    assertEquals(List.of("iam:PassRole"), expand("IAM:passrole"));
    assertEquals(List.of(), expand("iam:PassRoles"));
    assertTrue(expand("iam:Pass?ole").contains("iam:PassRole"));
    assertEquals(List.of(), expand("iam:Pass?Role"));
  }

  @Test
  void patternsAcrossServices() {
    for (String p : List.of("s3*", "*:ListBuckets", "*Object", "?3:*", "ec2:Describe*s", "*:*Policy*",
        "sts:AssumeRole*", "kms:*crypt", "s3:*Object*", "*:Get???", "**", "s3:", "", ":", "*:")) {
      assertEquals(reference(p), expand(p), p);
    }
    assertTrue(expand("s3*").contains("s3express:CreateSession") || expand("s3*").contains("s3:GetObject"));
  }

  /** Patterns made from real action names by replacing random parts with wildcards. */
  @Test
  void randomPatternsMatchTheReference() {
    List<ActionInfo> all = CATALOG.actions();
    qt().withExamples(60)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              String base = all.get(r.nextInt(all.size())).fullName();
              StringBuilder p = new StringBuilder();
              int i = 0;
              while (i < base.length()) {
                int roll = r.nextInt(20);
                if (roll == 0) {
                  p.append('*');
                  i += r.nextInt(Math.min(6, base.length() - i) + 1);
                } else if (roll == 1) {
                  p.append('?');
                  i++;
                } else if (roll == 2) {
                  p.append(Character.toUpperCase(base.charAt(i++)));
                } else {
                  p.append(base.charAt(i++));
                }
              }
              String pattern = p.toString();
              List<String> got = expand(pattern);
              assertEquals(reference(pattern), got, "pattern " + pattern + " (seed " + seed + ")");
              if (!pattern.contains("*") && !pattern.contains("?")) {
                assertEquals(1, got.size(), pattern);
              }
            });
  }
}
