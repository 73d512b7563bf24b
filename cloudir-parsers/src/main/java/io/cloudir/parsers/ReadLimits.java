package io.cloudir.parsers;

/**
 * Limits that keep a reader's memory and stack bounded on hostile input. Exceeding one rejects
 * the record (with the limit named in the reason) and reading goes on — never an {@code
 * OutOfMemoryError} or {@code StackOverflowError}.
 *
 * <p>Immutable and thread-safe; make variants with {@link #toBuilder()}.
 */
public final class ReadLimits {
  private static final ReadLimits DEFAULTS = new Builder().build();

  private final int maxRecordBytes;
  private final int maxDepth;
  private final int maxStringBytes;
  private final int maxLineBytes;

  private ReadLimits(Builder b) {
    this.maxRecordBytes = b.maxRecordBytes;
    this.maxDepth = b.maxDepth;
    this.maxStringBytes = b.maxStringBytes;
    this.maxLineBytes = b.maxLineBytes;
  }

  /**
   * The defaults: records up to 16 MiB (CloudTrail's own events are far smaller), nesting up to
   * 256 levels, strings up to 8 MiB, text lines up to 1 MiB.
   */
  public static ReadLimits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRecordBytes = maxRecordBytes;
    b.maxDepth = maxDepth;
    b.maxStringBytes = maxStringBytes;
    b.maxLineBytes = maxLineBytes;
    return b;
  }

  /** The largest record, in bytes of its JSON text (or of a CloudWatch Logs envelope). */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /** The deepest nesting of JSON arrays and objects, counting the record itself. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The longest JSON string, in raw bytes between its quotes. */
  public int maxStringBytes() {
    return maxStringBytes;
  }

  /** The longest line of a text format. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  @Override
  public String toString() {
    return "ReadLimits{maxRecordBytes=" + maxRecordBytes + ", maxDepth=" + maxDepth
        + ", maxStringBytes=" + maxStringBytes + ", maxLineBytes=" + maxLineBytes + "}";
  }

  /** Builds {@link ReadLimits}. Not thread-safe. */
  public static final class Builder {
    private int maxRecordBytes = 16 << 20;
    private int maxDepth = 256;
    private int maxStringBytes = 8 << 20;
    private int maxLineBytes = 1 << 20;

    private Builder() {}

    private static int positive(int v, String what) {
      if (v < 1) {
        throw new IllegalArgumentException(what + " must be positive: " + v);
      }
      return v;
    }

    /** Sets the largest record in bytes (at most 1 GiB). */
    public Builder maxRecordBytes(int v) {
      if (v > (1 << 30)) {
        throw new IllegalArgumentException("maxRecordBytes must be at most 1 GiB: " + v);
      }
      this.maxRecordBytes = positive(v, "maxRecordBytes");
      return this;
    }

    /** Sets the deepest nesting (at most 100 000). */
    public Builder maxDepth(int v) {
      if (v > 100_000) {
        throw new IllegalArgumentException("maxDepth must be at most 100000: " + v);
      }
      this.maxDepth = positive(v, "maxDepth");
      return this;
    }

    /** Sets the longest string in bytes. */
    public Builder maxStringBytes(int v) {
      this.maxStringBytes = positive(v, "maxStringBytes");
      return this;
    }

    /** Sets the longest text line in bytes. */
    public Builder maxLineBytes(int v) {
      this.maxLineBytes = positive(v, "maxLineBytes");
      return this;
    }

    /** The limits. */
    public ReadLimits build() {
      return new ReadLimits(this);
    }
  }
}
