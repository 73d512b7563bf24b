package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AwsLogKeyTest {
  @Test
  void accountTrail() {
    AwsLogKey k = AwsLogKey.parse(
        "logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/111122223333_CloudTrail_us-east-1_20260314T0900Z_abc.json.gz")
        .orElseThrow();
    assertEquals("logs", k.prefix());
    assertNull(k.organizationId());
    assertEquals("111122223333", k.accountId());
    assertEquals("us-east-1", k.region());
    assertEquals(LocalDate.of(2026, 3, 14), k.date());
    assertTrue(k.isCloudTrail());
    assertFalse(k.isDigest());
  }

  @Test
  void organizationTrailDigestAndInsight() {
    AwsLogKey k = AwsLogKey.parse("AWSLogs/o-1234abcde/333333333333/CloudTrail-Digest/eu-west-1/2025/03/06/x.json.gz").orElseThrow();
    assertEquals("o-1234abcde", k.organizationId());
    assertEquals("", k.prefix());
    assertTrue(k.isDigest());
    assertTrue(AwsLogKey.parse("/data/AWSLogs/333333333333/CloudTrail-Insight/eu-west-1/2025/03/06/x.json.gz").orElseThrow().isInsight());
  }

  @Test
  void rejectsOtherLayouts() {
    assertTrue(AwsLogKey.parse("AWSLogs/12345/CloudTrail/us-east-1/2026/03/14/f").isEmpty());
    assertTrue(AwsLogKey.parse("AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/30/f").isEmpty());
    assertTrue(AwsLogKey.parse("AWSLogs/111122223333/CloudTrail/us-east-1/2026/3/14/f").isEmpty());
    assertTrue(AwsLogKey.parse("xAWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/f").isEmpty());
    assertTrue(AwsLogKey.parse("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/").isEmpty());
    assertTrue(AwsLogKey.parse("random/file.json").isEmpty());
  }

  @Test
  void roundTripsGeneratedKeys() {
    qt().forAll(longs().between(0, 999_999_999_999L), integers().between(0, 20000), integers().between(0, 1))
        .check((account, day, org) -> {
          LocalDate d = LocalDate.of(2000, 1, 1).plusDays(day);
          String acc = String.format("%012d", account);
          String key = "p/AWSLogs/" + (org == 1 ? "o-abc123/" : "") + acc + "/CloudTrail/ap-south-1/"
              + String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
              + "/f.json.gz";
          AwsLogKey k = AwsLogKey.parse(key).orElseThrow();
          return k.accountId().equals(acc) && k.date().equals(d)
              && (org == 1) == (k.organizationId() != null) && k.fileName().equals("f.json.gz");
        });
  }
}
