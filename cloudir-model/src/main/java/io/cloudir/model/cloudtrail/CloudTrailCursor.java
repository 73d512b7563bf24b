package io.cloudir.model.cloudtrail;

import io.cloudir.model.Provenance;
import io.cloudir.model.internal.cloudtrail.CloudTrailAccess;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;

/**
 * A reusable view of the current event of a reader: the allocation-free way to read CloudTrail.
 *
 * <p><b>Lifetime rule:</b> a cursor shows the reader's current event only until the reader
 * advances (or is closed); after that its bytes are reused for the next event. Read what you need
 * before advancing, or call {@link #toEvent()} to keep an immutable copy. With the reader's debug
 * mode on (system property {@code cloudir.debugCursor=true} or the reader option), every accessor
 * checks the rule and throws {@link IllegalStateException} when a stale cursor is used.
 *
 * <p>The rule covers everything obtained from the cursor that is a view of its bytes: {@link
 * #userIdentity()}, {@link #field}, {@link #json()}, {@link #unknownFields()}, {@link
 * #requestParameters()} and the other {@code JsonValue} accessors. Strings, instants and the
 * result of {@link #toEvent()} are independent of the cursor.
 *
 * <p>Not thread-safe: confined to the thread that drives its reader.
 */
public final class CloudTrailCursor extends CloudTrailView {
  static {
    CloudTrailAccess.install(new Bridge());
  }

  private final boolean debug;
  private long generation;
  private long expected;
  private String sourceName = "<memory>";
  private long offset = -1;
  private long line = -1;
  private java.util.function.@org.jspecify.annotations.Nullable LongUnaryOperator lineResolver;

  /** A {@code line} passed to {@link #advance} meaning: ask the line resolver when needed. */
  static final long LAZY_LINE = -2;

  CloudTrailCursor(boolean debug) {
    this.debug = debug;
  }

  @Override
  void checkLive() {
    if (debug && generation != expected) {
      throw new IllegalStateException(
          "CloudTrailCursor used after its reader advanced: copy with toEvent() to keep an event");
    }
  }

  /** Marks the cursor as showing a new event (called by readers). */
  void advance(String source, long offset, long line) {
    generation++;
    expected = generation;
    this.sourceName = source;
    this.offset = offset;
    this.line = line;
  }

  /** Marks the cursor stale (called by readers before they reuse its bytes). */
  void invalidate() {
    generation++;
  }

  /** Where the current event was read. */
  public Provenance provenance() {
    checkLive();
    return Provenance.of(sourceName, offset, line());
  }

  /** 1-based line of the current event's first byte, or -1 (computed on demand). */
  public long line() {
    checkLive();
    if (line == LAZY_LINE) {
      java.util.function.LongUnaryOperator r = lineResolver;
      line = r == null ? -1 : r.applyAsLong(offset);
    }
    return line;
  }

  /** Byte offset of the current event in the decoded source. */
  public long offset() {
    checkLive();
    return offset;
  }

  /** An immutable copy of the current event (holding only its own bytes). */
  public CloudTrailEvent toEvent() {
    checkLive();
    return new CloudTrailEvent(this, provenance(), true);
  }

  /**
   * An immutable event sharing this cursor's byte block (only valid when the reader promises never
   * to reuse the block; used by readers in shared-block mode).
   */
  CloudTrailEvent toSharedEvent(Provenance p) {
    checkLive();
    return new CloudTrailEvent(this, p, false);
  }

  private static final class Bridge implements CloudTrailAccess.Bridge {
    @Override
    public CloudTrailCursor newCursor(boolean debug) {
      return new CloudTrailCursor(debug);
    }

    @Override
    public int index(CloudTrailCursor c, byte[] b, int p, int limit, boolean atEof, JsonScanner sc,
        int depth) throws JsonSyntaxError {
      return c.index(b, p, limit, atEof, sc, depth);
    }

    @Override
    public void advance(CloudTrailCursor c, String source, long offset, long line) {
      c.advance(source, offset, line);
    }

    @Override
    public void lineResolver(CloudTrailCursor c, java.util.function.LongUnaryOperator r) {
      c.lineResolver = r;
    }

    @Override
    public long lazyLine() {
      return LAZY_LINE;
    }

    @Override
    public void invalidate(CloudTrailCursor c) {
      c.invalidate();
    }

    @Override
    public CloudTrailEvent shared(CloudTrailCursor c, Provenance p) {
      return c.toSharedEvent(p);
    }
  }
}
