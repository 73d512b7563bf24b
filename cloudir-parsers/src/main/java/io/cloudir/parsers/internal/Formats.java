package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The formats the readers know, in one place. Detection reads only content (never file names):
 * each format rates the first bytes of a source and the highest rating wins; none means {@code
 * unknown format}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Formats {
  /** How many decoded bytes detection looks at. */
  public static final int HEAD = 64 * 1024;

  private static final List<FormatSupport> ALL =
      List.of(new CloudTrailFormat(), new WafFormat(), new ResolverFormat());

  private Formats() {}

  /** Every known format. */
  public static List<FormatSupport> all() {
    return ALL;
  }

  /** The support for a format, or null when this version cannot read it. */
  public static @Nullable FormatSupport of(SourceType type) {
    for (FormatSupport f : ALL) {
      if (f.type().equals(type)) {
        return f;
      }
    }
    return null;
  }

  /** The best-rated format for the head of a source, or null. */
  public static @Nullable FormatSupport detect(byte[] head, int len) {
    FormatSupport best = null;
    int bestScore = 0;
    for (FormatSupport f : ALL) {
      int s = f.detect(head, len);
      if (s > bestScore) {
        best = f;
        bestScore = s;
      }
    }
    return best;
  }

  /** The names of the formats this version reads. */
  public static List<String> names() {
    List<String> n = new ArrayList<>();
    for (FormatSupport f : ALL) {
      n.add(f.type().name());
    }
    return n;
  }
}
