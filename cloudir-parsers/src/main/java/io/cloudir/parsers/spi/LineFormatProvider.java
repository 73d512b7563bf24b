package io.cloudir.parsers.spi;

import io.cloudir.model.SourceType;

/**
 * A line-oriented log format added by an embedder (one record per line: text, CSV, or one JSON
 * object per line). cloudir does the rest: gzip, directories, CloudWatch Logs envelopes of lines,
 * line splitting with offsets and line numbers, {@code ReadLimits}, rejections and statistics.
 *
 * <p>Found through {@link java.util.ServiceLoader} or registered with {@code
 * LogReader.Builder.format}. Detection is by content: every known format rates the first bytes of
 * a source and the highest rating wins (cloudir's own formats rate a clear match 60–100).
 *
 * <p>Implementations must be immutable and thread-safe (one provider serves many sources).
 */
public interface LineFormatProvider {
  /** The format's name, e.g. {@code SourceType.of("my-proxy")}; also accepted by {@code --type}. */
  SourceType type();

  /**
   * How sure this format is that {@code head} — the first {@code length} decoded bytes of a source,
   * possibly cut mid-line — is its own: 0 = not mine, 1..100 = confidence.
   */
  int detect(byte[] head, int length);

  /** A decoder for one source (it may keep state, such as a header line's field order). */
  LineDecoder newDecoder(String sourceName);
}
