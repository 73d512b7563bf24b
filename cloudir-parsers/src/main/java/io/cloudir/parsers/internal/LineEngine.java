package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The streaming reader of line-oriented text formats (VPC flow logs, Route 53 public DNS logs, S3
 * access logs, load balancer logs): splits decoded bytes into lines ({@code \n} or {@code \r\n}),
 * hands each non-blank line to a {@link LineParser}, and keeps offsets and line numbers exact.
 * A line longer than {@link ReadLimits#maxLineBytes()} is rejected and skipped without being
 * buffered whole.
 *
 * <p>A source that starts with {@code {} is read as CloudWatch Logs subscription envelopes (one
 * JSON object per envelope, JSON lines or concatenated): each {@code logEvents[*].message} is one
 * line; {@code CONTROL_MESSAGE} envelopes are skipped.
 *
 * <p>Not thread-safe.
 */
public final class LineEngine extends LineBlocks implements RecordEngine {
  private final LineParser parser;
  private final JsonScanner sc;

  private boolean started;
  private boolean envelopes;
  private @Nullable LogRecord record;
  private boolean recordWarn;
  private final ArrayDeque<Message> messages = new ArrayDeque<>();

  private record Message(byte[] bytes, long offset, long line) {}

  /**
   * An engine.
   *
   * @param in decoded bytes
   * @param sourceName name for provenance and rejections
   * @param limits limits (maxLineBytes, and maxRecordBytes for envelopes)
   * @param shared whether records may keep references into blocks (then blocks are never reused)
   * @param parser the format's line parser
   */
  public LineEngine(ByteSource in, String sourceName, ReadLimits limits, boolean shared, LineParser parser) {
    super(in, sourceName, limits, shared, 1 << 16);
    this.parser = parser;
    this.sc = new JsonScanner(limits.maxDepth(), limits.maxStringBytes());
  }

  @Override
  public LogRecord record() {
    LogRecord r = record;
    if (r == null) {
      throw new IllegalStateException("no record");
    }
    return r;
  }

  @Override
  public boolean recordHasWarnings() {
    return recordWarn;
  }

  @Override
  public int next() throws IOException {
    record = null;
    while (true) {
      if (done) {
        return END;
      }
      Message m = messages.poll();
      if (m != null) {
        int end = m.bytes.length;
        while (end > 0 && (m.bytes[end - 1] == '\n' || m.bytes[end - 1] == '\r')) {
          end--;
        }
        if (isBlank(m.bytes, 0, end)) {
          rejection = new Rejection(sourceName, m.offset, m.line, "log event without a message", "");
          return REJECTED;
        }
        int r = parseLine(m.bytes, 0, end, m.offset, m.line);
        if (r != 0) {
          return r;
        }
        continue;
      }
      if (!started) {
        int p = JsonScanner.skipWs(buf, pos, limit);
        if (p >= limit) {
          if (refill(pos, limits.maxLineBytes())) {
            continue;
          }
          if (!eof) {
            return NEED_MORE;
          }
          done = true;
          return endOrBroken();
        }
        started = true;
        envelopes = buf[p] == '{';
      }
      int r = envelopes ? nextEnvelope() : nextLine();
      if (r != 0) {
        return r;
      }
    }
  }

  private int nextLine() throws IOException {
    int r = splitLine();
    return r == LINE ? parseLine(buf, lineStart, lineEnd, lineOffset, lineNumber) : r;
  }

  private int parseLine(byte[] b, int s, int e, long off, long lineNo) {
    try {
      LogRecord r = parser.parse(b, s, e, Provenance.of(sourceName, off, lineNo));
      if (r == null) {
        return SKIPPED;
      }
      record = r;
      recordWarn = parser.hasWarnings(r);
      return RECORD;
    } catch (LineRejection x) {
      rejection = new Rejection(sourceName, off + x.column(), lineNo, x.reason(), snippet(b, s, e));
      return REJECTED;
    }
  }

  /** One CloudWatch Logs envelope: queue its messages as lines. */
  private int nextEnvelope() throws IOException {
    int s = JsonScanner.skipWs(buf, pos, limit);
    if (s >= limit) {
      if (refill(pos, limits.maxRecordBytes())) {
        return 0;
      }
      if (!eof) {
        return NEED_MORE;
      }
      done = true;
      return endOrBroken();
    }
    countLines(pos, s);
    pos = s;
    int e;
    try {
      e = sc.skipValue(buf, s, limit, 0, eof);
    } catch (JsonSyntaxError err) {
      done = true;
      rejection = new Rejection(sourceName, base + err.offset(), line, err.reason(), snippet(buf, s, limit));
      return REJECTED;
    }
    if (e < 0) {
      if (limit - s > limits.maxRecordBytes()) {
        done = true;
        rejection = new Rejection(sourceName, base + s, line,
            "envelope larger than " + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)", snippet(buf, s, limit));
        return REJECTED;
      }
      if (refill(s, limits.maxRecordBytes())) {
        return 0;
      }
      if (!eof) {
        return NEED_MORE;
      }
      done = true;
      String why = broken != null ? "stream broken: " + broken : "unexpected end of input";
      broken = null;
      rejection = new Rejection(sourceName, base + s, line, why, snippet(buf, s, limit));
      return REJECTED;
    }
    long envLine = line;
    long envOff = base + s;
    countLines(s, e);
    pos = e;
    JsonValue v = JsonValue.ofValidated(buf, s, e);
    JsonValue type = v.get("messageType");
    JsonValue events = v.get("logEvents");
    if (type == null || events == null || !events.isArray()) {
      rejection = new Rejection(sourceName, envOff, envLine,
          "not a CloudWatch Logs subscription envelope (no messageType/logEvents)", snippet(buf, s, e));
      return REJECTED;
    }
    if ("CONTROL_MESSAGE".equals(type.stringOrNull())) {
      return SKIPPED;
    }
    for (JsonValue le : events.elements()) {
      String msg = le.getString("message");
      if (msg == null) {
        messages.add(new Message(new byte[0], envOff, envLine));
        continue;
      }
      messages.add(new Message(msg.getBytes(StandardCharsets.UTF_8), envOff, envLine));
    }
    return 0;
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        line++;
      }
    }
  }
}
