package io.cloudir.model.arn;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of policy variables (request context keys) used by {@link ArnPattern#bind}.
 *
 * <p>IAM treats context key names case-insensitively ({@code ${aws:UserName}} is {@code
 * ${aws:username}}); implementations should too. {@link #of(Map)} does.
 *
 * <p>Implementations must be thread-safe if the same instance is used from several threads; the
 * instances returned by the factory methods here are immutable and thread-safe.
 */
@FunctionalInterface
public interface Bindings {

  /**
   * The values of a context key.
   *
   * @param name the key as written in the pattern, such as {@code aws:username} or {@code
   *     aws:PrincipalTag/team}
   * @return its values, or {@code null} (or an empty list) when the request has no value for it
   */
  @Nullable List<String> values(String name);

  /** Bindings in which no key has a value. */
  static Bindings none() {
    return name -> null;
  }

  /**
   * Bindings backed by a copy of {@code map}, looked up case-insensitively (ASCII/ROOT lower case).
   *
   * @param map key name to values
   * @return immutable bindings
   */
  static Bindings of(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new HashMap<>();
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      copy.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(e.getValue()));
    }
    return name -> copy.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Single-valued bindings backed by a copy of {@code map}, looked up case-insensitively.
   *
   * @param map key name to value
   * @return immutable bindings
   */
  static Bindings ofSingle(Map<String, String> map) {
    Map<String, List<String>> copy = new HashMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      copy.put(e.getKey().toLowerCase(Locale.ROOT), List.of(e.getValue()));
    }
    return name -> copy.get(name.toLowerCase(Locale.ROOT));
  }
}
