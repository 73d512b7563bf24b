package io.cloudir.aws;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Listing by date prefixes selects exactly the objects of the selected accounts, regions and
 * days, whatever the layout (AWS, organization, Hive, hourly partitions) — checked against a
 * filter over how the keys were generated.
 */
class S3ListingPropertyTest extends S3TestBase {
  static final String[] ACCOUNTS = {"111111111111", "222222222222", "333333333333"};
  static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-south-1"};
  static final LocalDate BASE = LocalDate.of(2026, 2, 25); // crosses a month end

  /** An object: account, region, day offset and layout packed in one int. */
  record Obj(int account, int region, int day, int layout) {
    static Obj of(int code) {
      return new Obj(code % 3, (code / 3) % 3, (code / 9) % 10, (code / 90) % 4);
    }

    String key(int serial) {
      LocalDate d = BASE.plusDays(day);
      String a = ACCOUNTS[account];
      String r = REGIONS[region];
      String ymd = String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      return switch (layout) {
        case 0 -> "AWSLogs/" + a + "/CloudTrail/" + r + "/" + ymd + "/f" + serial + ".json.gz";
        case 1 -> "AWSLogs/o-testorg1/" + a + "/CloudTrail/" + r + "/" + ymd + "/f" + serial + ".json.gz";
        case 2 -> "AWSLogs/" + a + "/vpcflowlogs/" + r + "/" + ymd + "/" + String.format("%02d", serial % 24)
            + "/f" + serial + ".log.gz";
        default -> "AWSLogs/aws-account-id=" + a + "/aws-service=vpcflowlogs/aws-region=" + r
            + "/year=" + d.getYear() + String.format("/month=%02d/day=%02d", d.getMonthValue(), d.getDayOfMonth())
            + "/hour=" + String.format("%02d", serial % 24) + "/f" + serial + ".log.gz";
      };
    }
  }

  @Test
  void datePrefixListingCoversExactlyTheObjectsInTheRange() {
    qt().withExamples(25).withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, 359)).ofSizeBetween(0, 14),
            integers().between(0, 15),
            integers().between(0, 9 * 12 + 11))
        .checkAssert((codes, filter, range) -> {
          int acct = filter % 4 - 1;
          int region = filter / 4 - 1;
          int start = range / 12;
          int len = range % 12 == 0 ? -1 : range % 12; // -1: open-ended
          String b = fx.bucket();
          List<Obj> objs = new ArrayList<>();
          TreeSet<String> expected = new TreeSet<>();
          for (int i = 0; i < codes.size(); i++) {
            Obj o = Obj.of(codes.get(i));
            objs.add(o);
            String key = o.key(i);
            fx.put(b, key, new byte[] {(byte) i});
            boolean inRange = o.day >= start && (len < 0 || o.day < start + len);
            if ((acct < 0 || o.account == acct) && (region < 0 || o.region == region) && inRange) {
              expected.add(key);
            }
          }
          S3LogQuery.Builder q = S3LogQuery.builder(S3Uri.parse("s3://" + b))
              .since(Instant.parse(BASE.plusDays(start) + "T00:00:00Z"))
              .until(len < 0 ? null : Instant.parse(BASE.plusDays(start + len) + "T00:00:00Z"))
              .deliverySlack(Duration.ZERO);
          if (acct >= 0) {
            q.accounts(List.of(ACCOUNTS[acct]));
          }
          if (region >= 0) {
            q.regions(List.of(REGIONS[region]));
          }
          List<String> listed = S3LogSource.of(fx.s3, FetchOptions.defaults()).list(q.build())
              .stream().map(S3LogObject::key).toList();
          assertEquals(new ArrayList<>(expected), listed, "objects " + objs);
        });
  }
}
