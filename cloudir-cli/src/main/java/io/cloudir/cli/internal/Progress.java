package io.cloudir.cli.internal;

import io.cloudir.parsers.ReadStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn with {@code \r} at most every 200 ms and
 * cleared before anything else is printed. A disabled bar prints nothing at all.
 *
 * <p>Not thread-safe: used by the thread that reads.
 */
final class Progress {
  static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final int totalFiles;
  private final LongSupplier clock;
  private final long startNanos;
  private long lastDraw;
  private boolean drawnOnce;
  private int drawnWidth;

  Progress(PrintStream err, boolean enabled, int totalFiles, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.totalFiles = totalFiles;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
  }

  /** Redraws the bar if enabled and the last drawing is at least 200 ms old. */
  void tick(ReadStats s) {
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (drawnOnce && now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    drawnOnce = true;
    String line = render(s, totalFiles, now - startNanos);
    StringBuilder sb = new StringBuilder(line.length() + drawnWidth + 1).append('\r').append(line);
    for (int i = line.length(); i < drawnWidth; i++) {
      sb.append(' ');
    }
    drawnWidth = line.length();
    err.print(sb);
    err.flush();
  }

  /** Removes the bar from the screen (nothing if it is not shown). */
  void clear() {
    if (drawnWidth == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder(drawnWidth + 2).append('\r');
    for (int i = 0; i < drawnWidth; i++) {
      sb.append(' ');
    }
    err.print(sb.append('\r'));
    err.flush();
    drawnWidth = 0;
  }

  /** The text of the bar: {@code files 3/55  12.4 MB  48210 records/s}. */
  static String render(ReadStats s, int totalFiles, long elapsedNanos) {
    double mb = s.bytes() / (1024.0 * 1024.0);
    long perSecond = elapsedNanos <= 0 ? 0 : (long) (s.records() * 1e9 / elapsedNanos);
    return String.format(Locale.ROOT, "files %d/%d  %.1f MB  %d records/s  parsed=%d rejected=%d",
        s.files(), totalFiles, mb, perSecond, s.parsed(), s.rejected());
  }
}
