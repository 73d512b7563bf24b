package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;
import org.jspecify.annotations.Nullable;

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

  /**
   * A reader over a whole decoded source already in memory that reads it in place (records then
   * point into {@code data}, which the caller never modifies), or null when this format only
   * reads streams. The default is null.
   *
   * @param data the whole decoded source
   * @param sourceName the name for provenance and rejections
   * @param limits limits
   * @param shared whether records handed out may share {@code data} (otherwise they copy)
   * @param options reader options
   */
  default @Nullable RecordEngine openInPlace(byte[] data, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return null;
  }
}
