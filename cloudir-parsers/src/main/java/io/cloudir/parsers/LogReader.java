package io.cloudir.parsers;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.internal.Formats;
import io.cloudir.parsers.internal.ReaderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for reading AWS logs into records.
 *
 * <pre>{@code
 * LogReader reader = LogReader.builder().onRejection(r -> System.err.println(r)).build();
 * try (RecordStream records = reader.open(Path.of("AWSLogs"))) {
 *   for (LogRecord r : records) {
 *     if (r instanceof CloudTrailEvent e && "ConsoleLogin".equals(e.eventName())) { ... }
 *   }
 *   System.out.println(records.stats().summary());
 * }
 * }</pre>
 *
 * <p>The format of each source is detected from its content unless {@link Builder#type} fixes
 * it; a source whose format cannot be detected is one rejection ({@code unknown format}) and
 * reading goes on. Records come in source order (directories in sorted path order), then input
 * order, also when sources are read in parallel.
 *
 * <p>Immutable and thread-safe: one reader can open many streams, from any threads.
 */
public final class LogReader {
  private final @Nullable SourceType type;
  private final ReadLimits limits;
  private final Consumer<Rejection> onRejection;
  private final int parallelism;
  private final int blockSize;
  private final Map<String, String> options;

  private LogReader(Builder b) {
    this.type = b.type;
    this.limits = b.limits;
    this.onRejection = b.onRejection;
    this.parallelism = b.parallelism;
    this.blockSize = b.blockSize;
    this.options = Map.copyOf(b.options);
  }

  /** A builder with defaults: auto-detection, default limits, rejections dropped (but counted). */
  public static Builder builder() {
    return new Builder();
  }

  /** A reader with all defaults. */
  public static LogReader create() {
    return builder().build();
  }

  /** Opens the given files and directories (see {@link LogSource#expand}). */
  public RecordStream open(Path... paths) {
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(p.toString());
    }
    return open(LogSource.expand(names));
  }

  /** Opens the given sources, read in order. */
  public RecordStream open(List<LogSource> sources) {
    return new RecordStream(List.copyOf(sources), type, limits, onRejection, parallelism, blockSize,
        new ReaderOptions(options));
  }

  /** The fixed format, or null for auto-detection. */
  public @Nullable SourceType type() {
    return type;
  }

  /** The limits. */
  public ReadLimits limits() {
    return limits;
  }

  /** Configures a {@link LogReader}. Not thread-safe. */
  public static final class Builder {
    private @Nullable SourceType type;
    private ReadLimits limits = ReadLimits.defaults();
    private Consumer<Rejection> onRejection = r -> {};
    private int parallelism = 1;
    private int blockSize = 1 << 20;
    private final Map<String, String> options = new HashMap<>();

    private Builder() {}

    /**
     * Sets a format-specific option, e.g. {@code vpcflow.format} = {@code ${version} ${srcaddr} …}
     * for flow logs delivered without a header line.
     */
    public Builder option(String name, String value) {
      options.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Fixes the format instead of detecting it; null means auto-detection.
     *
     * @throws IllegalArgumentException for a format this version cannot read
     */
    public Builder type(@Nullable SourceType t) {
      if (t != null && Formats.of(t) == null) {
        throw new IllegalArgumentException("no reader for format " + t + " (this version reads "
            + String.join(", ", Formats.names()) + ")");
      }
      this.type = t;
      return this;
    }

    /** Sets the limits. */
    public Builder limits(ReadLimits l) {
      this.limits = Objects.requireNonNull(l);
      return this;
    }

    /** Receives every rejection (on the thread that iterates the stream). */
    public Builder onRejection(Consumer<Rejection> c) {
      this.onRejection = Objects.requireNonNull(c);
      return this;
    }

    /**
     * Reads up to {@code n} sources at once on background threads (results still come in source
     * order; memory stays bounded by a fixed number of buffered records per source).
     */
    public Builder parallelism(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      this.parallelism = n;
      return this;
    }

    /** The size of the blocks input is read in (default 1 MiB; records may share a block). */
    public Builder blockSize(int bytes) {
      if (bytes < 4096) {
        throw new IllegalArgumentException("blockSize must be at least 4096");
      }
      this.blockSize = bytes;
      return this;
    }

    /** The reader. */
    public LogReader build() {
      return new LogReader(this);
    }
  }
}
