package io.cloudir.parsers;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.internal.ByteSource;
import io.cloudir.parsers.internal.CloudTrailEngine;
import io.cloudir.parsers.internal.Decoding;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads one source: yields records, rejections and skip markers. Not thread-safe. */
final class SourceParser implements AutoCloseable {
  /** Marker for a skipped non-record. */
  static final Object SKIP = new Object();

  private final LogSource source;
  private final @Nullable SourceType type;
  private final ReadLimits limits;
  private final boolean shared;
  private final boolean debug;
  private final int blockSize;
  private @Nullable InputStream in;
  private @Nullable CloudTrailEngine engine;
  private boolean done;

  SourceParser(LogSource source, @Nullable SourceType type, ReadLimits limits, boolean shared,
      boolean debug, int blockSize) {
    this.source = source;
    this.type = type;
    this.limits = limits;
    this.shared = shared;
    this.debug = debug;
    this.blockSize = blockSize;
  }

  CloudTrailEngine engine() throws IOException {
    CloudTrailEngine e = engine;
    if (e != null) {
      return e;
    }
    byte[] mem = source.inMemory();
    boolean plainMemory = mem.length > 0 && !(mem.length >= 2 && (mem[0] & 0xFF) == 0x1f && (mem[1] & 0xFF) == 0x8b);
    CloudTrailEngine[] ref = new CloudTrailEngine[1];
    ByteSource bs;
    if (plainMemory) {
      bs = (b, off, len) -> -1;
    } else {
      InputStream raw = Decoding.decode(source.open());
      in = raw;
      bs = Decoding.source(raw, reason -> {
        CloudTrailEngine x = ref[0];
        if (x != null) {
          x.breakStream(reason);
        }
      });
    }
    e = new CloudTrailEngine(bs, source.name(), limits, shared, type == null, debug, blockSize);
    if (plainMemory) {
      e.wholeInput(mem, mem.length);
    }
    ref[0] = e;
    engine = e;
    return e;
  }

  /** The next record, rejection or {@link #SKIP}; null at the end. */
  @Nullable Object next() throws IOException {
    if (done) {
      return null;
    }
    CloudTrailEngine e = engine();
    while (true) {
      int r = e.next();
      switch (r) {
        case CloudTrailEngine.RECORD:
          return e.event();
        case CloudTrailEngine.REJECTED:
          return e.rejection();
        case CloudTrailEngine.SKIPPED:
          return SKIP;
        case CloudTrailEngine.END:
          done = true;
          close();
          return null;
        default:
          // NEED_MORE cannot happen with a blocking stream; loop
      }
    }
  }

  long bytesRead() {
    CloudTrailEngine e = engine;
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
}
