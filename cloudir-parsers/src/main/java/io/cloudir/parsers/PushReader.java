package io.cloudir.parsers;

import io.cloudir.model.LogRecord;
import io.cloudir.parsers.internal.ByteSource;
import io.cloudir.parsers.internal.CloudTrailEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Push-style reading for embedding in stream processors (Kafka, Firehose, Lambda): hand bytes to
 * {@link #feed(ByteBuffer)} as they arrive, in chunks of any size and cut anywhere, and receive
 * each complete record as soon as its last byte arrived. {@link #close()} marks the end of the
 * input (an unfinished record then becomes a rejection).
 *
 * <p>Input is uncompressed CloudTrail JSON in any envelope this library reads (delivery envelope,
 * JSON lines, EventBridge, CloudWatch Logs subscription); decompress before feeding.
 *
 * <p>Not thread-safe: feed from one thread (or synchronise externally).
 */
public final class PushReader implements AutoCloseable {
  private final CloudTrailEngine engine;
  private final Consumer<LogRecord> records;
  private final Consumer<Rejection> rejections;
  private ByteBuffer current = ByteBuffer.allocate(0);
  private boolean ended;
  private boolean closed;
  private long parsed;
  private long rejected;
  private long warnings;
  private long skipped;

  private PushReader(String name, ReadLimits limits, Consumer<LogRecord> records,
      Consumer<Rejection> rejections) {
    this.records = Objects.requireNonNull(records);
    this.rejections = Objects.requireNonNull(rejections);
    ByteSource src = (b, off, len) -> {
      if (!current.hasRemaining()) {
        return ended ? -1 : 0;
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      return n;
    };
    this.engine = new CloudTrailEngine(src, name, limits, true, false, false, 1 << 16);
  }

  /**
   * A push reader for CloudTrail data.
   *
   * @param name the source name for provenance and rejections
   * @param limits limits
   * @param records receives each record (immutable, safe to keep)
   * @param rejections receives each rejection
   */
  public static PushReader cloudTrail(String name, ReadLimits limits, Consumer<LogRecord> records,
      Consumer<Rejection> rejections) {
    return new PushReader(name, limits, records, rejections);
  }

  /**
   * Consumes all remaining bytes of {@code bytes} and delivers every record completed by them.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void feed(ByteBuffer bytes) {
    if (closed) {
      throw new IllegalStateException("PushReader is closed");
    }
    current = bytes;
    drain();
    current = ByteBuffer.allocate(0);
  }

  private void drain() {
    try {
      while (true) {
        int r = engine.next();
        switch (r) {
          case CloudTrailEngine.RECORD -> {
            parsed++;
            if (engine.cursor().hasWarnings()) {
              warnings++;
            }
            records.accept(engine.event());
          }
          case CloudTrailEngine.REJECTED -> {
            rejected++;
            rejections.accept(engine.rejection());
          }
          case CloudTrailEngine.SKIPPED -> skipped++;
          default -> {
            return; // NEED_MORE or END
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the source is memory
    }
  }

  /** The counts so far. */
  public ReadStats stats() {
    return new ReadStats(1, parsed + rejected, parsed, rejected, warnings, skipped, engine.bytesRead());
  }

  /** Marks the end of input and delivers what remains (an unfinished record is rejected). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    ended = true;
    drain();
    closed = true;
  }
}
