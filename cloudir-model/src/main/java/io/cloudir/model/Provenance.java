package io.cloudir.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a record was read: the source (a file path, {@code s3://bucket/key}, {@code -} for
 * standard input, or a caller-given name), the byte offset of the record's first byte in the
 * decoded (decompressed) stream, the line for text formats or line-oriented JSON, and for S3
 * objects the version id and ETag. Enough to trace a finding to the exact evidence.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the source name
 * @param offset byte offset of the record in the decoded stream, or -1 if unknown
 * @param line 1-based line of the record's first byte, or -1 if unknown
 * @param versionId the S3 object version, or null
 * @param etag the S3 ETag, or null
 */
public record Provenance(
    String source, long offset, long line, @Nullable String versionId, @Nullable String etag)
    implements Comparable<Provenance> {

  /** Checks the parts. */
  public Provenance {
    Objects.requireNonNull(source, "source");
    if (offset < -1 || line < -1) {
      throw new IllegalArgumentException("offset and line are -1 or non-negative");
    }
  }

  /** A provenance without S3 details. */
  public static Provenance of(String source, long offset, long line) {
    return new Provenance(source, offset, line, null, null);
  }

  /** The provenance of a record made in memory (for example by a builder in a test). */
  public static Provenance inMemory() {
    return new Provenance("<memory>", -1, -1, null, null);
  }

  /** The same place as a {@link Location}. */
  public Location toLocation() {
    return new Location(source, offset, line, null);
  }

  /** Orders by source name, then offset: the order in which a sorted directory is read. */
  @Override
  public int compareTo(Provenance o) {
    int c = source.compareTo(o.source);
    return c != 0 ? c : Long.compare(offset, o.offset);
  }

  /** {@code source:offset} plus {@code :line} when known. */
  @Override
  public String toString() {
    return source + (offset >= 0 ? ":" + offset : "") + (line >= 0 ? ":line " + line : "");
  }
}
