package io.cloudir.parsers.internal;

import java.io.IOException;

/** Where an engine gets its decoded bytes: an InputStream, or bytes pushed by a caller. */
public interface ByteSource {
  /**
   * Reads up to {@code len} bytes into {@code b} at {@code off}.
   *
   * @return the count, 0 when nothing is available yet (push mode), or -1 at the end
   */
  int read(byte[] b, int off, int len) throws IOException;
}
