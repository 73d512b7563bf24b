package io.cloudir.model.vpcflow;

import io.cloudir.model.Location;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One VPC (or Transit Gateway) flow log record: a compact view of the line it was read from (its
 * bytes and the offsets of its fields), decoded on demand. Every field of every version has a
 * typed getter (see {@link FlowLogView}); {@link #time()} is the start of the aggregation window
 * and {@link #startTime()}/{@link #endTime()} give the whole window.
 *
 * <p><b>Memory.</b> A record read by {@code LogReader} shares the reader's input block with its
 * neighbours (blocks are never overwritten): keeping one record keeps its block (1 MiB by default)
 * reachable. {@link #detach()} returns a copy that holds only its own line.
 *
 * <p>Immutable and thread-safe.
 */
public final class FlowLogRecord extends FlowLogView implements LogRecord {
  private final Provenance provenance;

  /** A record over {@code [s, e)} of {@code b} as indexed by {@code from}, copying or sharing the bytes. */
  FlowLogRecord(FlowLogView from, Provenance provenance, boolean copy) {
    this.provenance = Objects.requireNonNull(provenance);
    int n = from.format.size();
    int shift = copy ? from.lineStart : 0;
    this.buf = copy ? Arrays.copyOfRange(from.buf, from.lineStart, from.lineEnd) : from.buf;
    int[] bd = new int[2 * n];
    for (int i = 0; i < bd.length; i++) {
      bd[i] = from.bounds[i] - shift;
    }
    this.bounds = bd;
    this.format = from.format;
    this.lineStart = from.lineStart - shift;
    this.lineEnd = from.lineEnd - shift;
    this.warnMask = from.warnMask;
  }

  @Override
  void checkLive() {
    // immutable: always valid
  }

  /**
   * Parses one line of the default (version 2) format.
   *
   * @throws MalformedInputException if the line does not have 14 fields or a number is malformed
   */
  public static FlowLogRecord parse(String line) {
    return parse(line, FlowLogFormat.DEFAULT);
  }

  /**
   * Parses one line of the given format.
   *
   * @throws MalformedInputException with the column when the field count is wrong or a numeric
   *     field is not digits or {@code -}
   */
  public static FlowLogRecord parse(String line, FlowLogFormat format) {
    return parse(line.getBytes(StandardCharsets.UTF_8), format, Provenance.inMemory());
  }

  /**
   * Parses one line (UTF-8 bytes without line terminator; copied) of the given format.
   *
   * @throws MalformedInputException with the column when the line is malformed
   */
  public static FlowLogRecord parse(byte[] line, FlowLogFormat format, Provenance provenance) {
    FlowLogCursor c = new FlowLogCursor(false);
    if (!c.index(line, 0, line.length, format)) {
      long off = provenance.offset() < 0 ? c.errorColumn : provenance.offset() + c.errorColumn;
      throw new MalformedInputException(new Location(provenance.source(), off, provenance.line(), null),
          String.valueOf(c.error));
    }
    return new FlowLogRecord(c, provenance, true);
  }

  @Override
  public SourceType source() {
    return SourceType.VPC_FLOW;
  }

  /** The start of the aggregation window, or null when the record has none (then it carries a warning). */
  @Override
  public @Nullable Instant time() {
    return startTime();
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** This record holding only its own line's bytes (itself if it already does). */
  public FlowLogRecord detach() {
    if (lineStart == 0 && lineEnd == buf.length) {
      return this;
    }
    return new FlowLogRecord(this, provenance, true);
  }

  /** The same record with another provenance. */
  public FlowLogRecord withProvenance(Provenance p) {
    return new FlowLogRecord(this, p, true);
  }

  /** A builder of records of this format, for tests and rules. */
  public static Builder builder(FlowLogFormat format) {
    return new Builder(format);
  }

  /** A builder of records of the default format. */
  public static Builder builder() {
    return new Builder(FlowLogFormat.DEFAULT);
  }

  /** Equal when the format and every value are equal (provenance and spacing are not compared). */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FlowLogRecord r) || !r.format.equals(format)) {
      return false;
    }
    int n = format.size();
    for (int i = 0; i < n; i++) {
      if (!Arrays.equals(buf, bounds[2 * i], bounds[2 * i + 1], r.buf, r.bounds[2 * i], r.bounds[2 * i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = format.hashCode();
    int n = format.size();
    for (int i = 0; i < n; i++) {
      for (int k = bounds[2 * i]; k < bounds[2 * i + 1]; k++) {
        h = 31 * h + buf[k];
      }
      h = 31 * h + ' ';
    }
    return h;
  }

  /** The line as delivered. */
  @Override
  public String toString() {
    return toLine();
  }

  /**
   * Makes records without log files: set the values you need (the others are {@code -}), then
   * {@link #build()} writes the line and parses it exactly like a reader does.
   *
   * <p>Not thread-safe; {@link #build()} may be called several times.
   */
  public static final class Builder {
    private final FlowLogFormat format;
    private final Map<String, String> values = new LinkedHashMap<>();
    private Provenance provenance = Provenance.inMemory();

    private Builder(FlowLogFormat format) {
      this.format = Objects.requireNonNull(format);
    }

    /**
     * Sets a field by name (known or not) to its text as AWS writes it; null means {@code -}.
     *
     * @throws IllegalArgumentException if the format has no such field, or the value is empty or
     *     contains white space
     */
    public Builder set(String name, @Nullable Object value) {
      if (format.indexOf(name) < 0) {
        throw new IllegalArgumentException("the format has no field " + name);
      }
      if (value == null) {
        values.remove(name);
        return this;
      }
      String v = value.toString();
      if (v.isEmpty() || v.chars().anyMatch(c -> c == ' ' || c == '\n' || c == '\r')) {
        throw new IllegalArgumentException("a flow log value is not empty and has no spaces: '" + v + "'");
      }
      values.put(name, v);
      return this;
    }

    /** Sets a known field (see {@link #set(String, Object)}). */
    public Builder set(FlowLogField field, @Nullable Object value) {
      return set(field.awsName(), value);
    }

    /** Sets the provenance. */
    public Builder provenance(Provenance p) {
      this.provenance = Objects.requireNonNull(p);
      return this;
    }

    /**
     * The record.
     *
     * @throws MalformedInputException if a numeric field was given a value that is not digits
     */
    public FlowLogRecord build() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < format.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(values.getOrDefault(format.name(i), "-"));
      }
      return parse(sb.toString().getBytes(StandardCharsets.UTF_8), format, provenance);
    }
  }
}
