package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.parsers.Rejection;
import java.nio.charset.StandardCharsets;

/** A source whose format could not be detected: exactly one rejection, {@code unknown format}. */
public final class UnknownFormatEngine implements RecordEngine {
  private final Rejection rejection;
  private final long bytes;
  private boolean done;

  /** One rejection for the source, with the first bytes as the snippet. */
  public UnknownFormatEngine(String sourceName, byte[] head, int len) {
    int n = Math.min(len, Rejection.MAX_SNIPPET);
    this.rejection = new Rejection(sourceName, 0, 1, len == 0 ? "unknown format (empty)" : "unknown format",
        new String(head, 0, n, StandardCharsets.UTF_8));
    this.bytes = len;
  }

  @Override
  public int next() {
    if (done) {
      return END;
    }
    done = true;
    return REJECTED;
  }

  @Override
  public LogRecord record() {
    throw new IllegalStateException("no record");
  }

  @Override
  public boolean recordHasWarnings() {
    return false;
  }

  @Override
  public Rejection rejection() {
    return rejection;
  }

  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  public void breakStream(String reason) {}
}
