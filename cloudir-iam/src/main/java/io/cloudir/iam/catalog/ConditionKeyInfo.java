package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.KeyTemplate;
import java.util.Objects;

/**
 * A condition key of the catalog: its name as AWS spells it and its type. A name may be a
 * template with a variable part ({@code aws:RequestTag/${TagKey}}, {@code
 * s3:ExistingObjectTag/<key>}) that stands for a family of keys ({@code aws:RequestTag/Env}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the key name ({@code s3:prefix}, {@code aws:SourceIp}, {@code
 *     aws:RequestTag/${TagKey}})
 * @param type its type
 */
public record ConditionKeyInfo(String name, ConditionKeyType type) {

  /** Checks that neither part is null or the name is empty. */
  public ConditionKeyInfo {
    Objects.requireNonNull(type, "type");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("condition key name is empty");
    }
  }

  /** Whether the name has a variable part ({@code ${…}} or {@code <…>}). */
  public boolean isTemplate() {
    return KeyTemplate.isTemplate(name);
  }

  /**
   * Whether a concrete key name is this key: equal ignoring case, or, for a template, matching it
   * with each variable standing for a non-empty run of characters ({@code aws:RequestTag/Env}
   * matches {@code aws:RequestTag/${TagKey}}).
   */
  public boolean matches(String key) {
    return KeyTemplate.matches(name, key);
  }

  /** The service prefix part of the name ({@code aws}, {@code s3}): the text before the first colon. */
  public String prefix() {
    int c = name.indexOf(':');
    return c < 0 ? name : name.substring(0, c);
  }
}
