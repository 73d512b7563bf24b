package io.cloudir.iam.internal.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Condition key names with a variable part, such as {@code aws:RequestTag/${TagKey}}, {@code
 * s3:ExistingObjectTag/<key>} or {@code kms:EncryptionContext:${EncryptionContextKey}}: a variable
 * ({@code ${…}} or {@code <…>}) matches a non-empty run of any characters; the rest matches ignoring
 * ASCII case (condition key names are case-insensitive).
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyTemplate {
  private KeyTemplate() {}

  /** Whether the key name has a variable part. */
  public static boolean isTemplate(String name) {
    return glob(name) != null;
  }

  /**
   * The key as a {@link Wildcard} pattern (each variable becomes {@code ?*}), or {@code null} when
   * the name has no variable part.
   */
  public static @Nullable String glob(String name) {
    StringBuilder sb = null;
    int i = 0;
    int copied = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      int end = -1;
      if (c == '$' && i + 1 < name.length() && name.charAt(i + 1) == '{') {
        end = name.indexOf('}', i + 2);
      } else if (c == '<') {
        end = name.indexOf('>', i + 1);
      }
      if (end > i + 1) {
        if (sb == null) {
          sb = new StringBuilder(name.length());
        }
        sb.append(name, copied, i).append("?*");
        i = end + 1;
        copied = i;
      } else {
        i++;
      }
    }
    if (sb == null) {
      return null;
    }
    return sb.append(name, copied, name.length()).toString();
  }

  /** The number of characters outside the variables (more is more specific). */
  public static int literalLength(String glob) {
    int n = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c != '?' && c != '*') {
        n++;
      }
    }
    return n;
  }

  /** Whether a concrete key name matches the key name {@code template} (ignoring ASCII case). */
  public static boolean matches(String template, String key) {
    String g = glob(template);
    return g == null ? template.equalsIgnoreCase(key) : Wildcard.matches(g, key);
  }
}
