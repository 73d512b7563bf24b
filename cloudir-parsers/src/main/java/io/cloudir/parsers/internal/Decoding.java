package io.cloudir.parsers.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Content-based decoding: gzip is recognised by its magic bytes, never by a file name. */
public final class Decoding {
  private Decoding() {}

  /** The stream, gunzipped when it starts with the gzip magic (concatenated members included). */
  public static InputStream decode(InputStream raw) throws IOException {
    BufferedInputStream in =
        raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    if (a == 0x1f && b == 0x8b) {
      try {
        return new GZIPInputStream(in, 1 << 16);
      } catch (EOFException | ZipException e) {
        // a truncated or corrupt header: report it as a break when reading starts
        return new Broken(in, e);
      }
    }
    return in;
  }

  /** A stream whose header could not be read: every read fails with the header's error. */
  private static final class Broken extends InputStream {
    private final InputStream in;
    private final IOException error;

    Broken(InputStream in, IOException error) {
      this.in = in;
      this.error = error;
    }

    @Override
    public int read() throws IOException {
      throw error;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throw error;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * A byte source over a decoded stream. A truncated or corrupt compressed stream is reported to
   * {@code onBreak} (records before the break are kept) and ends the source; other I/O errors
   * propagate.
   */
  public static ByteSource source(InputStream in, Consumer<String> onBreak) {
    return (b, off, len) -> {
      try {
        return in.read(b, off, len);
      } catch (EOFException | ZipException e) {
        String m = e.getMessage();
        onBreak.accept(m == null ? e.getClass().getSimpleName() : m);
        return -1;
      }
    };
  }
}
