package io.cloudir.parsers;

import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.parsers.internal.ByteSource;
import io.cloudir.parsers.internal.Decoding;
import io.cloudir.parsers.internal.FlowLogCursorEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The allocation-free way to read VPC flow logs: one reusable {@link FlowLogCursor} shows each
 * record in turn. In steady state reading allocates nothing per record (an in-memory source is
 * read in place; other sources through one reusable block). Header lines set the field order;
 * files without one use the format given to {@link #open(LogSource, ReadLimits, FlowLogFormat)}
 * or the default version 2 format. Gzip is recognised. CloudWatch Logs envelopes are read too,
 * but that path allocates per record.
 *
 * <pre>{@code
 * try (FlowLogCursorReader r = FlowLogCursorReader.open(LogSource.of(path), ReadLimits.defaults())) {
 *   FlowLogCursor c = r.cursor();
 *   while (r.next()) {
 *     if (c.dstport() == 22 && c.valueEquals(FlowLogField.ACTION, "REJECT")) { keep.add(c.toRecord()); }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Lifetime rule:</b> the cursor is valid until the next call to {@link #next()} or {@link
 * #close()}; copy with {@link FlowLogCursor#toRecord()} to keep a record. Debug mode (system
 * property {@code cloudir.debugCursor=true}, or {@link #open(LogSource, ReadLimits, FlowLogFormat,
 * boolean)}) makes every stale access throw.
 *
 * <p>Not thread-safe: use from one thread ({@link #cancel()} excepted).
 */
public final class FlowLogCursorReader implements AutoCloseable {
  private final FlowLogCursorEngine engine;
  private final @Nullable InputStream stream;
  private Consumer<Rejection> onRejection = r -> {};
  private long parsed;
  private long rejected;
  private long warnings;
  private long skipped;
  private volatile boolean cancelled;

  private FlowLogCursorReader(FlowLogCursorEngine engine, @Nullable InputStream stream) {
    this.engine = engine;
    this.stream = stream;
  }

  /**
   * Opens a flow log source with the default format for files without a header.
   *
   * @throws IOException if the source cannot be opened
   */
  public static FlowLogCursorReader open(LogSource source, ReadLimits limits) throws IOException {
    return open(source, limits, null, Boolean.getBoolean("cloudir.debugCursor"));
  }

  /**
   * Opens a flow log source whose lines (until a header line says otherwise) have {@code format}.
   *
   * @throws IOException if the source cannot be opened
   */
  public static FlowLogCursorReader open(LogSource source, ReadLimits limits, @Nullable FlowLogFormat format)
      throws IOException {
    return open(source, limits, format, Boolean.getBoolean("cloudir.debugCursor"));
  }

  /**
   * Opens a source with an explicit debug mode.
   *
   * @throws IOException if the source cannot be opened
   */
  public static FlowLogCursorReader open(LogSource source, ReadLimits limits, @Nullable FlowLogFormat format,
      boolean debug) throws IOException {
    Objects.requireNonNull(source);
    Objects.requireNonNull(limits);
    byte[] mem = source.inMemory();
    if (mem.length > 0 && !((mem[0] & 0xFF) == 0x1f && mem.length > 1 && (mem[1] & 0xFF) == 0x8b)) {
      FlowLogCursorEngine e = new FlowLogCursorEngine((b, off, len) -> -1, source.name(), limits, format, debug, 4096);
      e.wholeInput(mem, mem.length);
      return new FlowLogCursorReader(e, null);
    }
    InputStream raw = Decoding.decode(source.open());
    FlowLogCursorEngine[] ref = new FlowLogCursorEngine[1];
    ByteSource bs = Decoding.source(raw, reason -> {
      FlowLogCursorEngine x = ref[0];
      if (x != null) {
        x.breakStream(reason);
      }
    });
    FlowLogCursorEngine e = new FlowLogCursorEngine(bs, source.name(), limits, format, debug, 1 << 20);
    ref[0] = e;
    return new FlowLogCursorReader(e, raw);
  }

  /** Receives rejections (called from {@link #next()}). */
  public FlowLogCursorReader onRejection(Consumer<Rejection> c) {
    this.onRejection = Objects.requireNonNull(c);
    return this;
  }

  /** The reusable cursor. */
  public FlowLogCursor cursor() {
    return engine.cursor();
  }

  /**
   * Moves the cursor to the next record.
   *
   * @return false at the end (or after {@link #cancel()})
   * @throws UncheckedIOException on an I/O error of the source
   */
  public boolean next() {
    try {
      while (!cancelled) {
        int r = engine.next();
        switch (r) {
          case FlowLogCursorEngine.RECORD -> {
            parsed++;
            if (engine.recordHasWarnings()) {
              warnings++;
            }
            return true;
          }
          case FlowLogCursorEngine.REJECTED -> {
            rejected++;
            onRejection.accept(engine.rejection());
          }
          case FlowLogCursorEngine.SKIPPED -> skipped++;
          case FlowLogCursorEngine.END -> {
            return false;
          }
          default -> {
            // nothing else is reported
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

  /** The counts so far (header lines count as skipped). */
  public ReadStats stats() {
    return new ReadStats(1, parsed + rejected, parsed, rejected, warnings, skipped, engine.bytesRead());
  }

  @Override
  public void close() throws IOException {
    InputStream s = stream;
    if (s != null) {
      s.close();
    }
  }
}
