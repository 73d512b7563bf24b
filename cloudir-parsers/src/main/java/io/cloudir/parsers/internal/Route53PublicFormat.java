package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.parsers.ReadLimits;
import java.nio.charset.StandardCharsets;

/**
 * Route 53 public DNS query logs: a first line (or first CloudWatch Logs message) that starts
 * with a version ({@code 1.0}), an ISO-8601 timestamp and a hosted zone id ({@code Z…}).
 *
 * <p>Immutable and thread-safe.
 */
final class Route53PublicFormat implements FormatSupport {
  @Override
  public SourceType type() {
    return SourceType.ROUTE53_PUBLIC;
  }

  @Override
  public int detect(byte[] head, int len) {
    boolean[] env = new boolean[1];
    byte[] line = FirstLine.of(head, len, env);
    if (line == null) {
      return 0;
    }
    String[] t = FirstLine.tokens(line);
    if (t.length < 3 || !isVersion(t[0]) || !isZone(t[2])) {
      return 0;
    }
    byte[] ts = t[1].getBytes(StandardCharsets.US_ASCII);
    if (IsoTime.parseNanos(ts, 0, ts.length) == IsoTime.INVALID) {
      return 0;
    }
    return t.length == 10 ? (env[0] ? 85 : 90) : 50;
  }

  private static boolean isVersion(String v) {
    int dot = v.indexOf('.');
    if (dot <= 0 || dot == v.length() - 1) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (i != dot && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZone(String z) {
    if (z.length() < 2 || z.charAt(0) != 'Z') {
      return false;
    }
    for (int i = 1; i < z.length(); i++) {
      char c = z.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new LineEngine(in, sourceName, limits, shared, new PublicDnsLineParser());
  }
}
