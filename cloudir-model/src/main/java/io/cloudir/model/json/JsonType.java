package io.cloudir.model.json;

/** The six JSON value types. */
public enum JsonType {
  /** {@code {...}}. */
  OBJECT,
  /** {@code [...]}. */
  ARRAY,
  /** {@code "..."}. */
  STRING,
  /** A JSON number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** {@code null}. */
  NULL
}
