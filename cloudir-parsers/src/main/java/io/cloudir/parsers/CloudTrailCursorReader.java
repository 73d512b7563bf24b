package io.cloudir.parsers;

import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailCursor;
import io.cloudir.parsers.internal.CloudTrailEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The allocation-free way to read CloudTrail: one reusable {@link CloudTrailCursor} shows each
 * event in turn. In steady state (after the block buffer has grown to fit the largest record and
 * the canonical-string table has seen the low-cardinality values) reading allocates nothing per
 * event.
 *
 * <pre>{@code
 * try (CloudTrailCursorReader r = CloudTrailCursorReader.open(LogSource.of(path), ReadLimits.defaults())) {
 *   CloudTrailCursor c = r.cursor();
 *   while (r.next()) {
 *     if (c.valueEquals(CloudTrailField.EVENT_NAME, "StopLogging")) { keep.add(c.toEvent()); }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Lifetime rule:</b> the cursor is valid until the next call to {@link #next()} or {@link
 * #close()}; copy with {@link CloudTrailCursor#toEvent()} to keep an event. Debug mode ({@link
 * #debug(boolean)} or system property {@code cloudir.debugCursor=true}) makes every stale access
 * throw.
 *
 * <p>Not thread-safe: use from one thread.
 */
public final class CloudTrailCursorReader implements AutoCloseable {
  private final SourceParser parser;
  private final CloudTrailEngine engine;
  private Consumer<Rejection> onRejection = r -> {};
  private long parsed;
  private long rejected;
  private long warnings;
  private long skipped;
  private volatile boolean cancelled;

  private CloudTrailCursorReader(SourceParser parser) throws IOException {
    this.parser = parser;
    this.engine = parser.cloudTrailEngine();
  }

  /**
   * Opens a source of CloudTrail data (any envelope; gzip recognised), with the cursor's debug mode
   * from the system property {@code cloudir.debugCursor}.
   *
   * @throws IOException if the source cannot be opened
   */
  public static CloudTrailCursorReader open(LogSource source, ReadLimits limits) throws IOException {
    return open(source, limits, Boolean.getBoolean("cloudir.debugCursor"));
  }

  /** Opens a source with an explicit debug mode. */
  public static CloudTrailCursorReader open(LogSource source, ReadLimits limits, boolean debug)
      throws IOException {
    return new CloudTrailCursorReader(
        new SourceParser(Objects.requireNonNull(source), SourceType.CLOUDTRAIL, limits, false, debug, 1 << 20,
            io.cloudir.parsers.internal.ReaderOptions.NONE));
  }

  /** Receives rejections (called from {@link #next()}). */
  public CloudTrailCursorReader onRejection(Consumer<Rejection> c) {
    this.onRejection = Objects.requireNonNull(c);
    return this;
  }

  /** The reusable cursor. */
  public CloudTrailCursor cursor() {
    return engine.cursor();
  }

  /**
   * Moves the cursor to the next event.
   *
   * @return false at the end (or after {@link #cancel()})
   * @throws UncheckedIOException on an I/O error of the source
   */
  public boolean next() {
    try {
      while (!cancelled) {
        int r = engine.next();
        switch (r) {
          case CloudTrailEngine.RECORD -> {
            parsed++;
            if (engine.cursor().hasWarnings()) {
              warnings++;
            }
            return true;
          }
          case CloudTrailEngine.REJECTED -> {
            rejected++;
            onRejection.accept(engine.rejection());
          }
          case CloudTrailEngine.SKIPPED -> skipped++;
          case CloudTrailEngine.END -> {
            return false;
          }
          default -> {
            // NEED_MORE cannot happen with a blocking source
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops reading: the next {@link #next()} returns false. Thread-safe. */
  public void cancel() {
    cancelled = true;
  }

  /** The counts so far. */
  public ReadStats stats() {
    return new ReadStats(1, parsed + rejected, parsed, rejected, warnings, skipped, engine.bytesRead());
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
