package io.cloudir.iam.internal.eval;

import org.jspecify.annotations.Nullable;

/**
 * Per-thread working memory of the evaluator: the buffer policy-variable templates are expanded
 * into. Not thread-safe; one per thread.
 */
final class Scratch {
  /** {@link #expand} result: a variable's key is unknown (not supplied). */
  static final int UNKNOWN_VAR = -2;

  private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

  int[] buf = new int[256];
  /** Layer results (three-valued) of the last {@code Engine.layer} call. */
  int lDeny;
  int lAllow;
  int lDirect;
  int lRole;
  int lAcct;
  /**
   * Set by {@link #expand} when a variable had no value and no default: it was replaced by a
   * {@code *} token, so a match only says that some value of the variable could match.
   */
  boolean approx;
  /** The principal category of the last statement evaluated. */
  int lastCategory;
  /** A one-element array for single-policy layers. */
  final @Nullable CPolicy[] one = new CPolicy[1];
  /** The program of the last {@link #expand}: the template's own tokens or {@link #buf}. */
  int[] out = buf;

  static Scratch get() {
    return LOCAL.get();
  }

  /**
   * Expands a template into {@link #buf}: substituted values are literal characters.
   *
   * @return the length, or {@link #UNKNOWN_VAR}
   */
  int expand(Template t, Ctx ctx) {
    int[] tokens = t.tokens;
    approx = false;
    if (t.varKeys.length == 0) {
      out = tokens;
      return tokens.length;
    }
    int n = 0;
    for (int tok : tokens) {
      if (tok <= Template.VAR0) {
        int vi = Template.VAR0 - tok;
        Ctx.Value v = ctx.get(t.varKeys[vi]);
        String s;
        if (v != null && v.strings.length > 0) {
          s = v.strings[0];
        } else if (v == null && ctx.unknownMissingKeys) {
          return UNKNOWN_VAR;
        } else {
          String d = t.varDefaults[vi];
          if (d == null) {
            approx = true;
            ensure(n + 1);
            buf[n++] = Template.STAR;
            continue;
          }
          s = d;
        }
        ensure(n + s.length());
        for (int i = 0; i < s.length(); i++) {
          buf[n++] = s.charAt(i);
        }
      } else {
        ensure(n + 1);
        buf[n++] = tok;
      }
    }
    out = buf;
    return n;
  }

  private void ensure(int len) {
    if (len > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(len, buf.length * 2));
    }
  }
}
