package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;

/**
 * One log format the readers know: how to recognise it from the first bytes of a decoded source,
 * and how to read it. Registered in {@link Formats}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface FormatSupport {
  /** The format. */
  SourceType type();

  /**
   * How sure this format is that {@code head} (the first {@code len} decoded bytes of a source,
   * possibly cut anywhere) is its own: 0 = not mine, 1..100 = confidence. The highest wins.
   */
  int detect(byte[] head, int len);

  /**
   * A reader over a source of this format.
   *
   * @param in the decoded bytes
   * @param sourceName the name for provenance and rejections
   * @param limits limits
   * @param shared whether records handed out may share (never overwritten) blocks
   * @param options reader options (e.g. a VPC flow log format string), may be empty
   */
  RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options);
}
