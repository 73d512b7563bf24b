package io.cloudir.parsers.internal;

import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What cloudir's streaming engines share: the source of decoded bytes, the current block of them
 * ({@link #buf} from {@link #pos} to {@link #limit}, {@link #base} being the source offset of
 * {@code buf[0]}), end of input and stream-break state, the last rejection and the byte count.
 *
 * <p>Not thread-safe.
 */
abstract class Blocks {
  final ByteSource in;
  final String sourceName;
  final ReadLimits limits;
  final boolean shared;

  byte[] buf;
  int pos;
  int limit;
  long base;
  boolean eof;
  @Nullable String broken;
  @Nullable Rejection rejection;
  long bytesRead;

  Blocks(ByteSource in, String sourceName, ReadLimits limits, boolean shared, int blockSize) {
    this.in = in;
    this.sourceName = sourceName;
    this.limits = limits;
    this.shared = shared;
    this.buf = new byte[blockSize];
  }

  /** Reads {@code b[0, len)} in place as the whole input (never modified, no refills). */
  public void wholeInput(byte[] b, int len) {
    buf = b;
    limit = len;
    eof = true;
    bytesRead = len;
  }

  /** The rejection found by the last {@code next()}. */
  public Rejection rejection() {
    Rejection r = rejection;
    if (r == null) {
      throw new IllegalStateException("no rejection");
    }
    return r;
  }

  /** Decoded bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Tells the engine the stream broke. */
  public void breakStream(String reason) {
    broken = reason;
    eof = true;
  }

  /** Reads up to {@code max} bytes into the block after {@link #limit}; false if none came. */
  final boolean readMore(int max) throws IOException {
    int n = in.read(buf, limit, max);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    bytesRead += n;
    return n > 0;
  }

  /** The start of {@code [s, e)} as text for a rejection. */
  static String snippet(byte[] b, int s, int e) {
    return new String(b, s, Math.min(e - s, Rejection.MAX_SNIPPET), StandardCharsets.UTF_8);
  }
}
