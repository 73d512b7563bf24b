package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.CloudirException;
import io.cloudir.model.net.IpAddress;

/**
 * Fuzz targets for the enrichment loaders: whatever the bytes, the only exceptions are cloudir's
 * own, and whatever loads keeps its invariants. The seeds are small valid files of each kind.
 */
class EnrichFuzzTest {
  private static IpAddress ip(byte[] d, int at, boolean v4) {
    long a = 0;
    long b = 0;
    for (int i = 0; i < 16 && at + i < d.length; i++) {
      if (i < 8) {
        a = (a << 8) | (d[at + i] & 0xFF);
      } else {
        b = (b << 8) | (d[at + i] & 0xFF);
      }
    }
    return v4 ? IpAddress.ofV4((int) a) : IpAddress.ofV6(a, b);
  }

  @FuzzTest(maxDuration = "30s")
  void maxMindDb(byte[] data) {
    MaxMindDb db;
    try {
      db = MaxMindDb.of("fuzz.mmdb", data);
    } catch (CloudirException expected) {
      return;
    }
    MaxMindEnricher en = new MaxMindEnricher(db);
    String[] fixed = {"1.2.3.4", "0.0.0.0", "255.255.255.255", "::", "2001:db8::1",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"};
    for (int k = 0; k < fixed.length + 8; k++) {
      IpAddress a = k < fixed.length ? IpAddress.parse(fixed[k])
          : ip(data, (k - fixed.length) * 16 % Math.max(1, data.length), k % 2 == 0);
      try {
        MaxMindDb.Match m = db.match(a);
        if (m != null) {
          assertTrue(a.isIn(m.network(), m.prefixLength()), a + " " + m);
          en.details(a);
        }
      } catch (CloudirException expected) {
        // a corrupt part of the file
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void asnCsv(byte[] data) {
    AsnRanges r;
    try {
      r = AsnRanges.parse("fuzz.csv", data);
    } catch (CloudirException expected) {
      return;
    }
    for (AsnRanges.AsnRange a : r.ranges()) {
      assertEquals(a, r.range(a.first()));
      assertEquals(a, r.range(a.last()));
    }
  }

  @FuzzTest(maxDuration = "30s")
  void awsIpRanges(byte[] data) {
    AwsIpRanges r;
    try {
      r = AwsIpRanges.parse("fuzz.json", data);
    } catch (CloudirException expected) {
      return;
    }
    for (AwsIpRanges.Prefix p : r.prefixes()) {
      assertTrue(r.matches(p.network()).contains(p), p.cidr());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void knownAccounts(byte[] data) {
    KnownAccounts k;
    try {
      k = KnownAccounts.parse("fuzz.csv", data);
    } catch (CloudirException expected) {
      return;
    }
    for (KnownAccounts.Account a : k.accounts()) {
      assertEquals(a, k.get(a.id()));
      assertEquals(12, a.id().length());
    }
  }
}
