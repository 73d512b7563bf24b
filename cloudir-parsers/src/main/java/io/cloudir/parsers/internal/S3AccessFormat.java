package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.text.LineSyntaxException;
import io.cloudir.model.internal.text.TextFields;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.parsers.ReadLimits;
import java.util.List;

/**
 * S3 server access logs: space-delimited lines whose third field is a bracketed time {@code
 * [06/Feb/2019:00:00:38 +0000]}; plain or inside CloudWatch Logs envelopes.
 *
 * <p>Immutable and thread-safe.
 */
final class S3AccessFormat implements FormatSupport {
  @Override
  public SourceType type() {
    return SourceType.S3_ACCESS;
  }

  @Override
  public int detect(byte[] head, int len) {
    List<byte[]> lines = TextHead.lines(head, len, 3);
    if (lines.isEmpty()) {
      return 0;
    }
    int good = 0;
    for (byte[] l : lines) {
      if (looksLikeS3(l)) {
        good++;
      }
    }
    if (good == 0) {
      return 0;
    }
    return good == lines.size() ? 90 : 60;
  }

  /** Two fields, then {@code [dd/Mon/yyyy:HH:mm:ss +hhmm]}. */
  static boolean looksLikeS3(byte[] l) {
    int e = l.length;
    int p = TextFields.skipSpaces(l, 0, e);
    for (int k = 0; k < 2; k++) {
      int t = TextFields.tokenEnd(l, p, e);
      if (t == p) {
        return false;
      }
      p = TextFields.skipSpaces(l, t, e);
    }
    if (p + 28 > e || l[p] != '[' || l[p + 27] != ']') {
      return false;
    }
    return TextFields.s3Seconds(l, p + 1, p + 27) != Long.MIN_VALUE;
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new LineEngine(in, sourceName, limits, shared, new Parser(!shared));
  }

  /** The line parser. Not thread-safe (stateless, in fact). */
  static final class Parser implements LineParser {
    private final boolean copy;

    Parser(boolean copy) {
      this.copy = copy;
    }

    @Override
    public LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection {
      try {
        return S3AccessLogRecord.parse(buf, s, e, provenance, copy);
      } catch (LineSyntaxException x) {
        throw new LineRejection(x.reason(), x.column());
      }
    }

    @Override
    public boolean hasWarnings(LogRecord r) {
      return ((S3AccessLogRecord) r).hasWarnings();
    }
  }
}
