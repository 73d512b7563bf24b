package io.cloudir.model.vpcflow;

import io.cloudir.model.Provenance;
import io.cloudir.model.internal.vpcflow.FlowLogAccess;

/**
 * A reusable view of the current flow log record of a reader: the allocation-free way to read
 * flow logs. All getters of {@link FlowLogView} work; the zero-copy ones and the numeric ones do
 * not allocate.
 *
 * <p><b>Lifetime rule:</b> a cursor shows the reader's current record only until the reader
 * advances (or is closed); its bytes are then reused. Read what you need before advancing, or
 * call {@link #toRecord()} to keep an immutable copy. With the reader's debug mode on (system
 * property {@code cloudir.debugCursor=true}), every getter checks the rule and throws {@link
 * IllegalStateException} when a stale cursor is used.
 *
 * <p>Not thread-safe: confined to the thread that drives its reader.
 */
public final class FlowLogCursor extends FlowLogView {
  static {
    FlowLogAccess.install(new Bridge());
  }

  private final boolean debug;
  private long generation;
  private long expected;
  private String sourceName = "<memory>";
  private long offset = -1;
  private long line = -1;

  FlowLogCursor(boolean debug) {
    this.debug = debug;
  }

  @Override
  void checkLive() {
    if (debug && generation != expected) {
      throw new IllegalStateException(
          "FlowLogCursor used after its reader advanced: copy with toRecord() to keep a record");
    }
  }

  /** Where the current record was read. */
  public Provenance provenance() {
    checkLive();
    return Provenance.of(sourceName, offset, line);
  }

  /** Byte offset of the current record in the decoded source. */
  public long offset() {
    checkLive();
    return offset;
  }

  /** 1-based line of the current record. */
  public long line() {
    checkLive();
    return line;
  }

  /** An immutable copy of the current record (holding only its own line). */
  public FlowLogRecord toRecord() {
    checkLive();
    return new FlowLogRecord(this, provenance(), true);
  }

  private static final class Bridge implements FlowLogAccess.Bridge {
    @Override
    public FlowLogCursor newCursor(boolean debug) {
      return new FlowLogCursor(debug);
    }

    @Override
    public boolean index(FlowLogCursor c, byte[] b, int s, int e, FlowLogFormat f) {
      c.generation++;
      return c.index(b, s, e, f);
    }

    @Override
    public int indexLine(FlowLogCursor c, byte[] b, int s, int limit, FlowLogFormat f) {
      c.generation++;
      return c.indexLine(b, s, limit, f);
    }

    @Override
    public String error(FlowLogCursor c) {
      return String.valueOf(c.error);
    }

    @Override
    public int errorColumn(FlowLogCursor c) {
      return c.errorColumn;
    }

    @Override
    public void advance(FlowLogCursor c, String source, long offset, long line) {
      c.expected = c.generation;
      if (c.sourceName != source) {
        c.sourceName = source; // stored only when it changes: a reference store costs a GC barrier
      }
      c.offset = offset;
      c.line = line;
    }

    @Override
    public void invalidate(FlowLogCursor c) {
      c.generation++;
    }

    @Override
    public FlowLogRecord record(FlowLogCursor c, Provenance p, boolean copy) {
      return new FlowLogRecord(c, p, copy);
    }

    @Override
    public @org.jspecify.annotations.Nullable FlowLogFormat header(byte[] b, int s, int e) {
      return FlowLogFormat.tryHeader(b, s, e);
    }
  }
}
