package io.cloudir.parsers.spi;

import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the lines of one source of an embedder's format.
 *
 * <p>Not thread-safe: used by one reader for one source.
 */
public interface LineDecoder {
  /**
   * Decodes the line {@code [start, end)} of {@code bytes} (without its terminator; never blank).
   * The bytes may be reused after this call returns: copy what the record keeps.
   *
   * @param provenance source, byte offset and line number of the line
   * @return the record, or null when the line is not a record but no error either (a header, a
   *     comment); such lines count as skipped
   * @throws MalformedInputException when the line is malformed; its {@link
   *     MalformedInputException#reason()} becomes the rejection's reason and its location's offset,
   *     when not -1, the byte index in the line
   */
  @Nullable LogRecord decode(byte[] bytes, int start, int end, Provenance provenance);
}
