package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.parsers.Rejection;
import java.io.IOException;

/**
 * A streaming reader of one format over one decoded source. Pull-driven: {@link #next()} reports
 * what it found; in push mode it answers {@link #NEED_MORE} until more bytes are fed.
 *
 * <p>Not thread-safe.
 */
public interface RecordEngine {
  /** {@link #next()}: {@link #record()} is the next record. */
  int RECORD = 1;
  /** {@link #next()}: {@link #rejection()} describes a rejection. */
  int REJECTED = 2;
  /** {@link #next()}: a non-record (digest file, control message, comment line) was skipped. */
  int SKIPPED = 3;
  /** {@link #next()}: more input is needed (push mode only). */
  int NEED_MORE = 4;
  /** {@link #next()}: the source is exhausted. */
  int END = 5;

  /**
   * Advances.
   *
   * @return {@link #RECORD}, {@link #REJECTED}, {@link #SKIPPED}, {@link #NEED_MORE} or {@link #END}
   */
  int next() throws IOException;

  /** The record found by the last {@link #next()} (immutable, safe to keep). */
  LogRecord record();

  /** Whether the record found by the last {@link #next()} carries warnings (no allocation). */
  boolean recordHasWarnings();

  /** The rejection found by the last {@link #next()}. */
  Rejection rejection();

  /** Decoded bytes read so far. */
  long bytesRead();

  /** Tells the engine the stream broke (records before it are kept; one rejection follows). */
  void breakStream(String reason);
}
