package io.cloudir.parsers;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.internal.ByteSource;
import io.cloudir.parsers.internal.CloudTrailEngine;
import io.cloudir.parsers.internal.Decoding;
import io.cloudir.parsers.internal.FormatSupport;
import io.cloudir.parsers.internal.Formats;
import io.cloudir.parsers.internal.ReaderOptions;
import io.cloudir.parsers.internal.RecordEngine;
import io.cloudir.parsers.internal.UnknownFormatEngine;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads one source: detects its format from the first decoded bytes (unless given), then yields
 * records, rejections and skip markers. Not thread-safe.
 */
final class SourceParser implements AutoCloseable {
  /** Marker for a skipped non-record. */
  static final Object SKIP = new Object();

  private final LogSource source;
  private final @Nullable SourceType type;
  private final ReadLimits limits;
  private final boolean shared;
  private final boolean debug;
  private final int blockSize;
  private final ReaderOptions options;
  private final java.util.List<FormatSupport> formats;
  private @Nullable InputStream in;
  private @Nullable RecordEngine engine;
  private boolean done;

  SourceParser(LogSource source, @Nullable SourceType type, ReadLimits limits, boolean shared,
      boolean debug, int blockSize, ReaderOptions options, java.util.List<FormatSupport> formats) {
    this.source = source;
    this.type = type;
    this.limits = limits;
    this.shared = shared;
    this.debug = debug;
    this.blockSize = blockSize;
    this.options = options;
    this.formats = formats;
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
  }

  /** The CloudTrail engine of a cursor reader (no detection: the caller asked for CloudTrail). */
  CloudTrailEngine cloudTrailEngine() throws IOException {
    RecordEngine e = engine;
    if (e instanceof CloudTrailEngine c) {
      return c;
    }
    byte[] mem = source.inMemory();
    CloudTrailEngine[] ref = new CloudTrailEngine[1];
    CloudTrailEngine c;
    if (mem.length > 0 && !isGzip(mem)) {
      c = new CloudTrailEngine((b, off, len) -> -1, source.name(), limits, shared, false, debug, blockSize);
      c.wholeInput(mem, mem.length);
    } else {
      InputStream raw = Decoding.decode(source.open());
      in = raw;
      ByteSource bs = Decoding.source(raw, reason -> {
        CloudTrailEngine x = ref[0];
        if (x != null) {
          x.breakStream(reason);
        }
      });
      c = new CloudTrailEngine(bs, source.name(), limits, shared, false, debug, blockSize);
    }
    ref[0] = c;
    engine = c;
    return c;
  }

  RecordEngine engine() throws IOException {
    RecordEngine e = engine;
    if (e != null) {
      return e;
    }
    byte[] mem = source.inMemory();
    if (mem.length > 0 && !isGzip(mem) && (type == null || type.equals(SourceType.CLOUDTRAIL))
        && (type != null || isCloudTrail(mem, Math.min(mem.length, Formats.HEAD)))) {
      // in-memory CloudTrail: read in place, no copying
      CloudTrailEngine c = new CloudTrailEngine((b, off, len) -> -1, source.name(), limits, shared,
          type == null, debug, blockSize);
      c.wholeInput(mem, mem.length);
      engine = c;
      return c;
    }
    if (mem.length > 0 && !isGzip(mem)) {
      // other in-memory formats that can read in place (JSON lines: WAF, Resolver)
      int n = Math.min(mem.length, Formats.HEAD);
      FormatSupport f = type != null ? Formats.of(type, formats)
          : allWhitespace(mem, n) ? null : Formats.detect(mem, n, formats);
      if (f != null) {
        RecordEngine e2 = f.openInPlace(mem, source.name(), limits, shared,
            type != null ? options : options.with(ReaderOptions.DETECTED, "true"));
        if (e2 != null) {
          engine = e2;
          return e2;
        }
      }
    }
    // The first bytes are read for format detection, then put back in front of the stream. They
    // are read with single reads of the decoded stream, never through a buffer that loops: a
    // truncated gzip stream throws on the read after its last data, and a looping buffered read
    // would lose the bytes it had already copied (and with them every record before the break).
    InputStream decoded = Decoding.decode(source.open());
    byte[] head = new byte[Formats.HEAD];
    int n = 0;
    IOException broken = null;
    if (type == null) {
      try {
        while (n < head.length) {
          int r = decoded.read(head, n, head.length - n);
          if (r < 0) {
            break;
          }
          n += r;
        }
      } catch (java.io.EOFException | java.util.zip.ZipException ex) {
        broken = ex; // reported by the engine as a break after the bytes before it
      }
    }
    InputStream raw = new HeadReplay(decoded, head, n, broken);
    in = raw;
    RecordEngine[] ref = new RecordEngine[1];
    ByteSource bs = Decoding.source(raw, reason -> {
      RecordEngine x = ref[0];
      if (x != null) {
        x.breakStream(reason);
      }
    });
    FormatSupport f;
    ReaderOptions opts = options;
    if (type != null) {
      f = Formats.of(type, formats);
      if (f == null) {
        throw new IllegalArgumentException("no reader for format " + type);
      }
    } else {
      if (allWhitespace(head, n)) {
        f = Formats.of(SourceType.CLOUDTRAIL);
      } else {
        f = Formats.detect(head, n, formats);
      }
      if (f == null) {
        e = new UnknownFormatEngine(source.name(), head, n);
        engine = e;
        return e;
      }
      opts = opts.with(ReaderOptions.DETECTED, "true");
    }
    if (f == null) {
      throw new IllegalStateException("no CloudTrail support");
    }
    e = f.open(bs, source.name(), limits, shared, opts);
    ref[0] = e;
    engine = e;
    return e;
  }

  private boolean isCloudTrail(byte[] head, int len) {
    FormatSupport f = Formats.detect(head, len, formats);
    return f != null && f.type().equals(SourceType.CLOUDTRAIL);
  }

  private static boolean allWhitespace(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The next record, rejection or {@link #SKIP}; null at the end. */
  @Nullable Object next() throws IOException {
    if (done) {
      return null;
    }
    RecordEngine e = engine();
    while (true) {
      int r = e.next();
      switch (r) {
        case RecordEngine.RECORD:
          return e.record();
        case RecordEngine.REJECTED:
          return e.rejection();
        case RecordEngine.SKIPPED:
          return SKIP;
        case RecordEngine.END:
          done = true;
          close();
          return null;
        default:
          // NEED_MORE cannot happen with a blocking stream; loop
      }
    }
  }

  long bytesRead() {
    RecordEngine e = engine;
    return e == null ? 0 : e.bytesRead();
  }

  @Override
  public void close() throws IOException {
    InputStream s = in;
    in = null;
    if (s != null) {
      s.close();
    }
  }

  /**
   * A decoded stream with the bytes already read for detection put back in front, and the break
   * met while reading them (if any) raised only after those bytes were served.
   *
   * <p>Not thread-safe.
   */
  private static final class HeadReplay extends InputStream {
    private final InputStream in;
    private final byte[] head;
    private final int count;
    private int pos;
    private @Nullable IOException pending;

    HeadReplay(InputStream in, byte[] head, int count, @Nullable IOException pending) {
      this.in = in;
      this.head = head;
      this.count = count;
      this.pending = pending;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int r = read(one, 0, 1);
      return r < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos < count) {
        int k = Math.min(len, count - pos);
        System.arraycopy(head, pos, b, off, k);
        pos += k;
        return k;
      }
      IOException p = pending;
      if (p != null) {
        pending = null;
        throw p;
      }
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
