package io.cloudir.parsers.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Format-specific options passed to engines (e.g. {@code vpcflow.format} for a flow log format
 * string without a header line). Immutable.
 *
 * @param values option name to value
 */
public record ReaderOptions(Map<String, String> values) {
  /** Set by the readers when the format was detected rather than given. */
  public static final String DETECTED = "detected";

  /** No options. */
  public static final ReaderOptions NONE = new ReaderOptions(Map.of());

  /** Copies the map. */
  public ReaderOptions {
    values = Map.copyOf(values);
  }

  /** These options plus one more. */
  public ReaderOptions with(String name, String value) {
    java.util.Map<String, String> m = new java.util.HashMap<>(values);
    m.put(name, value);
    return new ReaderOptions(m);
  }

  /** An option's value, or null. */
  public @Nullable String get(String name) {
    return values.get(name);
  }
}
