package io.cloudir.model.waf;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP header as WAF logs it: {@code {"name": …, "value": …}}. Either part is null when the
 * logged object lacks it (or holds JSON null there); a part of another JSON type is given as its
 * JSON text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the header name as sent (case preserved)
 * @param value the header value
 */
public record HttpHeader(@Nullable String name, @Nullable String value) {
  /** Whether the name equals {@code other}, ignoring ASCII case (HTTP header names are case-insensitive). */
  public boolean nameIs(String other) {
    return name != null && name.equalsIgnoreCase(other);
  }
}
