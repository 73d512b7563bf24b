package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.elb.LoadBalancerKind;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.text.LineSyntaxException;
import io.cloudir.model.internal.text.TextFields;
import io.cloudir.parsers.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Application, Network and Classic load balancer access logs (type {@code alb}): recognised from
 * the first fields of the first lines; control lines ({@code Enable AccessLog for ELB: …}) are
 * skipped, not records and not errors.
 *
 * <p>Immutable and thread-safe.
 */
final class LoadBalancerFormat implements FormatSupport {
  private static final String[] ALB_TYPES = {"http", "https", "h2", "grpcs", "ws", "wss"};

  @Override
  public SourceType type() {
    return SourceType.ALB;
  }

  @Override
  public int detect(byte[] head, int len) {
    List<byte[]> lines = TextHead.lines(head, len, 4);
    int best = 0;
    int controls = 0;
    for (byte[] l : lines) {
      if (LoadBalancerLogRecord.isControlLine(l, 0, l.length)) {
        controls++;
        continue;
      }
      return score(l);
    }
    return controls > 0 ? 80 : best;
  }

  /** How much one line looks like a load balancer entry. */
  static int score(byte[] l) {
    int e = l.length;
    int[] t = new int[8];
    int n = 0;
    int p = TextFields.skipSpaces(l, 0, e);
    while (p < e && n < 4) {
      int q = TextFields.tokenEnd(l, p, e);
      t[2 * n] = p;
      t[2 * n + 1] = q;
      n++;
      p = TextFields.skipSpaces(l, q, e);
    }
    if (n < 4) {
      return 0;
    }
    LoadBalancerKind k = LoadBalancerLogRecord.kindOf(l, 0, e);
    switch (k) {
      case CLASSIC:
        return iso(l, t[0], t[1]) && TextFields.portColon(l, t[4], t[5]) > 0 ? 85 : 0;
      case NETWORK:
        return iso(l, t[4], t[5]) ? 90 : 0;
      default: {
        if (!iso(l, t[2], t[3]) || TextFields.portColon(l, t[6], t[7]) < 0) {
          return 0;
        }
        String type = new String(l, t[0], t[1] - t[0], StandardCharsets.US_ASCII);
        for (String a : ALB_TYPES) {
          if (a.equals(type)) {
            return 90;
          }
        }
        return 60;
      }
    }
  }

  private static boolean iso(byte[] l, int s, int e) {
    return TextFields.isoNanos(l, s, e) != IsoTime.INVALID;
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
    public @Nullable LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection {
      if (LoadBalancerLogRecord.isControlLine(buf, s, e)) {
        return null;
      }
      try {
        return LoadBalancerLogRecord.parse(buf, s, e, provenance, copy);
      } catch (LineSyntaxException x) {
        throw new LineRejection(x.reason(), x.column());
      }
    }

    @Override
    public boolean hasWarnings(LogRecord r) {
      return ((LoadBalancerLogRecord) r).hasWarnings();
    }
  }
}
