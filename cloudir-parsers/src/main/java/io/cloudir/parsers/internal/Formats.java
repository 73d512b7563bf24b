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

  private static final List<FormatSupport> ALL = List.of(new CloudTrailFormat(), new VpcFlowFormat(),
      new Route53PublicFormat(), new S3AccessFormat(), new LoadBalancerFormat(), new WafFormat(),
      new ResolverFormat());

  private Formats() {}

  /** Every known format. */
  public static List<FormatSupport> all() {
    return ALL;
  }

  private static volatile @Nullable List<FormatSupport> loaded;

  /** The embedders' formats found by {@link java.util.ServiceLoader} (loaded once). */
  public static List<FormatSupport> discovered() {
    List<FormatSupport> l = loaded;
    if (l == null) {
      List<FormatSupport> found = new ArrayList<>();
      for (io.cloudir.parsers.spi.LineFormatProvider p
          : java.util.ServiceLoader.load(io.cloudir.parsers.spi.LineFormatProvider.class)) {
        found.add(new ProviderFormat(p));
      }
      l = List.copyOf(found);
      loaded = l;
    }
    return l;
  }

  /** The built-in formats, then the given extra ones, then the discovered ones. */
  public static List<FormatSupport> with(List<FormatSupport> extra) {
    List<FormatSupport> all = new ArrayList<>(ALL);
    all.addAll(extra);
    all.addAll(discovered());
    return all;
  }

  /** The support for a format among {@code formats}, or null. */
  public static @Nullable FormatSupport of(SourceType type, List<FormatSupport> formats) {
    for (FormatSupport f : formats) {
      if (f.type().equals(type)) {
        return f;
      }
    }
    return null;
  }

  /** The best-rated format among {@code formats} for the head of a source, or null. */
  public static @Nullable FormatSupport detect(byte[] head, int len, List<FormatSupport> formats) {
    FormatSupport best = null;
    int bestScore = 0;
    for (FormatSupport f : formats) {
      int s = f.detect(head, len);
      if (s > bestScore) {
        best = f;
        bestScore = s;
      }
    }
    return best;
  }

  /** The support for a built-in format, or null when this version cannot read it. */
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
