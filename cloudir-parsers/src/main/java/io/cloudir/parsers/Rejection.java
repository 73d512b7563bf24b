package io.cloudir.parsers;

import io.cloudir.model.Location;
import io.cloudir.model.internal.json.JsonStrings;
import java.util.Objects;

/**
 * Something a reader could not turn into a record: where it is, why, and a bounded snippet of
 * it. Reading goes on after a rejection.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the source name (file path, {@code s3://…}, {@code -})
 * @param offset byte offset in the decoded source where the problem was found
 * @param line 1-based line of that offset, or -1 when unknown
 * @param reason what is wrong, e.g. {@code expected ',' or '}' but found 'x'}
 * @param snippet at most {@link #MAX_SNIPPET} characters of the input around the offset
 */
public record Rejection(String source, long offset, long line, String reason, String snippet) {
  /** The longest snippet kept. */
  public static final int MAX_SNIPPET = 200;

  /** Checks the parts and bounds the snippet. */
  public Rejection {
    Objects.requireNonNull(source);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(snippet);
    if (snippet.length() > MAX_SNIPPET) {
      snippet = snippet.substring(0, MAX_SNIPPET);
    }
  }

  /** The location of the problem. */
  public Location location() {
    return new Location(source, offset, line, null);
  }

  /** One JSON object: {@code {"source","offset","line","reason","snippet"}}. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(128).append("{\"source\":");
    JsonStrings.quote(sb, source).append(",\"offset\":").append(offset).append(",\"line\":");
    sb.append(line < 0 ? "null" : Long.toString(line)).append(",\"reason\":");
    JsonStrings.quote(sb, reason).append(",\"snippet\":");
    return JsonStrings.quote(sb, snippet).append('}').toString();
  }

  @Override
  public String toString() {
    return location() + ": " + reason;
  }
}
