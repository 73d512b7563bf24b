package io.cloudir.rules.sigma.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sigma's value transformations, applied to a selection line's values when the rule is
 * imported: {@code expand} (placeholders), {@code windash}, the UTF-16 encodings and {@code
 * base64}/{@code base64offset}. Stateless.
 */
final class SigmaValues {
  private SigmaValues() {}

  /** The modifiers this class applies (removed from the cloudir modifier chain). */
  static final Set<String> TRANSFORMS = Set.of("expand", "windash", "utf16le", "utf16be", "utf16",
      "wide", "base64", "base64offset");

  private static final int MAX_VALUES = 10_000;
  private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};

  /**
   * Applies the transformations in order.
   *
   * @param mods the rest of the chain (base64offset needs {@code contains})
   * @throws IllegalArgumentException naming an unresolved placeholder or a bad combination
   */
  static List<Object> transform(List<Object> values, List<String> transforms, List<String> mods,
      Map<String, List<String>> placeholders) {
    List<Object> cur = values;
    byte[][] encoded = null;
    for (String t : transforms) {
      if (encoded != null && !t.startsWith("base64")) {
        throw new IllegalArgumentException("'" + t + "' after an encoding (only base64 or"
            + " base64offset may follow utf16le/utf16be/utf16/wide)");
      }
      switch (t) {
        case "expand" -> cur = expand(cur, placeholders);
        case "windash" -> cur = windash(cur);
        case "utf16le", "wide", "utf16be", "utf16" -> encoded = encode(strings(cur, t), t);
        case "base64", "base64offset" -> {
          byte[][] bytes = encoded != null ? encoded : encode(strings(cur, t), "utf8");
          if (t.equals("base64offset") && !mods.contains("contains")) {
            throw new IllegalArgumentException("'base64offset' needs 'contains' after it");
          }
          List<Object> out = new ArrayList<>();
          for (byte[] b : bytes) {
            if (t.equals("base64")) {
              out.add(Base64.getEncoder().encodeToString(b));
            } else {
              out.addAll(offsets(b));
            }
          }
          cur = out;
          encoded = null;
        }
        default -> throw new IllegalStateException(t);
      }
    }
    if (encoded != null) {
      throw new IllegalArgumentException("an encoding (utf16le/utf16be/utf16/wide) must be"
          + " followed by base64 or base64offset");
    }
    return cur;
  }

  private static List<String> strings(List<Object> values, String mod) {
    List<String> out = new ArrayList<>();
    for (Object o : values) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException("'" + mod + "' applies to strings, not " + o);
      }
      if (!mod.equals("expand") && !mod.equals("windash") && hasWildcard(s)) {
        throw new IllegalArgumentException("'" + mod + "' cannot encode the wildcard in '" + s
            + "'");
      }
      out.add(unescape(s));
    }
    return out;
  }

  private static boolean hasWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** The literal text of a value ({@code \*}, {@code \?}, {@code \\} unescaped). */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static byte[][] encode(List<String> values, String how) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      String v = values.get(i);
      out[i] = switch (how) {
        case "utf16le", "wide" -> v.getBytes(StandardCharsets.UTF_16LE);
        case "utf16be" -> v.getBytes(StandardCharsets.UTF_16BE);
        case "utf16" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
            v.getBytes(StandardCharsets.UTF_16LE));
        default -> v.getBytes(StandardCharsets.UTF_8);
      };
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /**
   * The three base64 forms of {@code b} as it may appear inside a longer base64 text, whatever
   * its offset modulo 3: the characters that depend on unknown neighbours are cut off.
   */
  static List<String> offsets(byte[] b) {
    int[] start = {0, 2, 3};
    List<String> out = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      byte[] padded = new byte[i + b.length];
      java.util.Arrays.fill(padded, 0, i, (byte) ' ');
      System.arraycopy(b, 0, padded, i, b.length);
      String enc = Base64.getEncoder().encodeToString(padded);
      int rem = (b.length + i) % 3;
      int end = enc.length() - (rem == 0 ? 0 : rem == 1 ? 3 : 2);
      out.add(start[i] < end ? enc.substring(start[i], end) : "");
    }
    return out;
  }

  private static List<Object> windash(List<Object> values) {
    Set<Object> out = new LinkedHashSet<>();
    for (Object o : values) {
      if (!(o instanceof String s)) {
        out.add(o);
        continue;
      }
      for (String d : DASHES) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          boolean wordStart = i == 0 || Character.isWhitespace(s.charAt(i - 1));
          if (c == '-' && wordStart) {
            sb.append(d);
          } else {
            sb.append(c);
          }
        }
        out.add(sb.toString());
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Object> expand(List<Object> values, Map<String, List<String>> placeholders) {
    List<Object> out = new ArrayList<>();
    for (Object o : values) {
      if (!(o instanceof String s)) {
        out.add(o);
        continue;
      }
      List<String> cur = List.of(s);
      int at;
      int rounds = 0;
      while ((at = cur.get(0).indexOf('%')) >= 0 && rounds++ < 64) {
        String first = cur.get(0);
        int close = first.indexOf('%', at + 1);
        if (close < 0) {
          break;
        }
        String name = first.substring(at + 1, close);
        List<String> repl = placeholders.get(name);
        if (repl == null) {
          throw new IllegalArgumentException("the placeholder %" + name + "% has no value"
              + " (give it with SigmaImporter.Builder.placeholder)");
        }
        String token = "%" + name + "%";
        List<String> next = new ArrayList<>();
        for (String c : cur) {
          for (String r : repl) {
            next.add(c.replace(token, r));
          }
        }
        if (next.size() > MAX_VALUES) {
          throw new IllegalArgumentException("placeholders expand to more than " + MAX_VALUES
              + " values");
        }
        cur = next;
      }
      out.addAll(cur);
    }
    return out;
  }

  /** The values, each also in its JSON-escaped form when it holds a quote. */
  static List<Object> withJsonEscaped(List<Object> values) {
    Set<Object> out = new LinkedHashSet<>(values);
    for (Object o : values) {
      if (o instanceof String s && s.indexOf('"') >= 0) {
        out.add(s.replace("\"", "\\\""));
      }
    }
    return new ArrayList<>(out);
  }
}
