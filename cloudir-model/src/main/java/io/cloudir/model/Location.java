package io.cloudir.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where something is in the evidence: a source name, a byte offset, a line, and a JSON path.
 *
 * <p>Every part is optional: {@code offset} and {@code line} are {@code -1} when unknown, {@code
 * source} and {@code jsonPath} are {@code null} when unknown. Lines are 1-based, offsets 0-based
 * and counted in bytes of the decoded (decompressed) stream.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source a file path, {@code s3://bucket/key}, {@code -} for standard input, or a caller's
 *     name for an in-memory source
 * @param offset byte offset from the start of the decoded source, or {@code -1}
 * @param line 1-based line number, or {@code -1}
 * @param jsonPath a JSON path such as {@code $.Statement[0].Condition}, or {@code null}
 */
public record Location(@Nullable String source, long offset, long line, @Nullable String jsonPath) {

  /** A location that knows nothing. */
  public static final Location UNKNOWN = new Location(null, -1, -1, null);

  /** Checks the ranges. */
  public Location {
    if (offset < -1 || line < -1) {
      throw new IllegalArgumentException("offset and line are -1 or non-negative");
    }
  }

  /** A location that is only a JSON path. */
  public static Location ofPath(String jsonPath) {
    return new Location(null, -1, -1, Objects.requireNonNull(jsonPath));
  }

  /** A location in a source at a byte offset. */
  public static Location of(@Nullable String source, long offset) {
    return new Location(source, offset, -1, null);
  }

  /** This location with another JSON path. */
  public Location withJsonPath(@Nullable String path) {
    return new Location(source, offset, line, path);
  }

  /** This location with another source name. */
  public Location withSource(@Nullable String name) {
    return new Location(name, offset, line, jsonPath);
  }

  /**
   * A short human-readable form such as {@code trail.json.gz:offset 1234:line 7:$.Records[3]}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
    }
    if (offset >= 0) {
      sb.append(sb.length() > 0 ? ":" : "").append("offset ").append(offset);
    }
    if (line >= 0) {
      sb.append(sb.length() > 0 ? ":" : "").append("line ").append(line);
    }
    if (jsonPath != null) {
      sb.append(sb.length() > 0 ? ":" : "").append(jsonPath);
    }
    return sb.length() == 0 ? "unknown location" : sb.toString();
  }
}
