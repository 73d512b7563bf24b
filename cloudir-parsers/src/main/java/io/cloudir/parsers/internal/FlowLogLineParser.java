package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.internal.vpcflow.FlowLogAccess;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import org.jspecify.annotations.Nullable;

/**
 * VPC flow log lines into {@code FlowLogRecord}s. The field order comes from the last header line
 * seen (S3-delivered files start with one; a header line is skipped, not a record), else from the
 * {@code vpcflow.format} option, else the default version 2 format. A line whose field count
 * differs from the format's, or whose numeric field is not digits or {@code -}, is rejected.
 *
 * <p>Not thread-safe.
 */
final class FlowLogLineParser implements LineParser {
  private final FlowLogAccess.Bridge bridge = FlowLogAccess.get();
  private final FlowLogCursor cursor;
  private final boolean copy;
  private FlowLogFormat format;
  private boolean assumedDefault;

  /**
   * @param given the caller's format (option {@code vpcflow.format}), or null for the default
   * @param shared whether records may keep references to the line's buffer (never overwritten)
   */
  FlowLogLineParser(@Nullable FlowLogFormat given, boolean shared) {
    this.cursor = bridge.newCursor(false);
    this.copy = !shared;
    this.format = given != null ? given : FlowLogFormat.DEFAULT;
    this.assumedDefault = given == null;
  }

  /** The format in force. */
  FlowLogFormat format() {
    return format;
  }

  @Override
  public @Nullable LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection {
    int p = s;
    while (p < e && buf[p] == ' ') {
      p++;
    }
    if (p < e && buf[p] >= 'a' && buf[p] <= 'z') {
      FlowLogFormat h = bridge.header(buf, s, e);
      if (h != null) {
        format = h;
        assumedDefault = false;
        return null;
      }
    }
    if (!bridge.index(cursor, buf, s, e, format)) {
      String why = bridge.error(cursor);
      if (assumedDefault) {
        why += " (no header line and no vpcflow.format option: the default version 2 format was assumed)";
      }
      throw new LineRejection(why, bridge.errorColumn(cursor));
    }
    return bridge.record(cursor, provenance, copy);
  }

  @Override
  public boolean hasWarnings(LogRecord r) {
    return ((FlowLogRecord) r).hasWarnings();
  }
}
