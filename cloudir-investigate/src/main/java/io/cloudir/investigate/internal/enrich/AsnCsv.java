package io.cloudir.investigate.internal.enrich;

import io.cloudir.investigate.enrich.EnrichmentDataException;
import io.cloudir.model.Location;
import io.cloudir.model.net.IpAddress;

/**
 * Parses {@code first_ip,last_ip,asn,"organisation"} lines (IPv4 and IPv6 mixed freely) into two
 * {@link RangeTable.Builder}s. Blank lines and lines starting with {@code #} are skipped, and so
 * is a header on the first line (a first field with a character no address has, such as {@code
 * first_ip}). CR before LF is
 * accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class AsnCsv {
  private AsnCsv() {}

  /**
   * Parses {@code b} (already decompressed).
   *
   * @throws EnrichmentDataException naming the source and line of the first invalid line
   */
  public static void parse(String source, byte[] b, RangeTable.Builder v4, RangeTable.Builder v6) {
    int src = v4.source(source);
    int[] f = new int[10];
    boolean[] q = new boolean[5];
    Csv.Lines lines = new Csv.Lines(b);
    while (lines.next()) {
      int s = lines.start();
      int e = lines.end();
      long line = lines.line();
      if (line == 1 && isHeader(b, s, e)) {
        continue;
      }
      int n = Csv.split(b, s, e, f, q);
      if (n == Integer.MIN_VALUE || (n >= 0 && n != 4)) {
        throw error(source, s, line, "expected 4 fields first_ip,last_ip,asn,organisation, found "
            + (n < 0 ? "more" : Integer.toString(n)));
      }
      if (n < 0) {
        throw error(source, s, line, "bad CSV quoting at column " + (-(n + 1) - s + 1));
      }
      IpAddress first = q[0] ? null : IpAddress.tryParse(b, f[0], f[1]);
      IpAddress last = q[1] ? null : IpAddress.tryParse(b, f[2], f[3]);
      if (first == null || last == null) {
        throw error(source, s, line, "not an IP address: " + text(b, first == null ? f[0] : f[2],
            first == null ? f[1] : f[3]));
      }
      if (first.isV4() != last.isV4()) {
        throw error(source, s, line, "first and last address are of different families");
      }
      if (first.compareTo(last) > 0) {
        throw error(source, s, line, "first address " + first + " is after last address " + last);
      }
      long asn = asn(b, f[4], f[5]);
      if (asn < 0 || q[2]) {
        throw error(source, s, line, "AS number is not an integer 0..4294967295: "
            + text(b, f[4], f[5]));
      }
      String org = Csv.text(b, f[6], f[7], q[3]);
      if (org == null) {
        throw error(source, s, line, "organisation is not UTF-8");
      }
      (first.isV4() ? v4 : v6).add(first.high(), first.low(), last.high(), last.low(), asn, org,
          src, line);
    }
  }

  /** A first field with a character no IP address has (such as {@code first_ip}). */
  private static boolean isHeader(byte[] b, int s, int e) {
    for (int i = s; i < e && b[i] != ','; i++) {
      int c = b[i] | 0x20;
      boolean addressChar = (b[i] >= '0' && b[i] <= '9') || (c >= 'a' && c <= 'f') || b[i] == ':'
          || b[i] == '.';
      if (!addressChar) {
        return true;
      }
    }
    return false;
  }

  private static String text(byte[] b, int s, int e) {
    String t = Csv.text(b, s, Math.min(e, s + 60), false);
    return t == null ? "(not UTF-8)" : t;
  }

  private static long asn(byte[] b, int s, int e) {
    if (e <= s || e - s > 10) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      v = v * 10 + (b[i] - '0');
    }
    return v <= 0xFFFF_FFFFL ? v : -1;
  }

  private static EnrichmentDataException error(String source, int offset, long line, String why) {
    return new EnrichmentDataException(new Location(source, offset, line, null), why);
  }
}
