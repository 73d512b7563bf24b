package io.cloudir.model;

import org.jspecify.annotations.Nullable;

/** temporary. */
public final class Probe {
  private Probe() {}

  /** x. */
  public static int len(@Nullable String s) {
    return s == null ? 0 : s.length();
  }
}
