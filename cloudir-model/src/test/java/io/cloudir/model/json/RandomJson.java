package io.cloudir.model.json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of random JSON documents for the tests: a random tree of Java values (the
 * model: {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code BigDecimal}, {@code
 * Boolean}, {@code null}) and one random serialisation of it as UTF-8 bytes, with random white
 * space, random escapes ({@code \n}, {@code \/}, {@code \\u00e9} in either case, surrogate pairs)
 * and raw non-ASCII text.
 *
 * <p>The model is built independently of the code under test: numbers are the text that was
 * written, read by {@link BigDecimal#BigDecimal(String)}.
 */
public final class RandomJson {
  /** One generated document. */
  public record Doc(byte[] bytes, @org.jspecify.annotations.Nullable Object model) {
    /** The document as text (for failure messages). */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final SplittableRandom rnd;
  private final int maxDepth;
  private final boolean whitespace;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /**
   * A generator.
   *
   * @param rnd the source of randomness (seeded by the caller, who prints the seed on failure)
   * @param maxDepth deepest nesting of containers
   * @param whitespace whether to sprinkle white space between tokens
   */
  public RandomJson(SplittableRandom rnd, int maxDepth, boolean whitespace) {
    this.rnd = rnd;
    this.maxDepth = maxDepth;
    this.whitespace = whitespace;
  }

  /** A number as it was written, and its exact value. */
  record Num(String text, BigDecimal value) {}

  /** A new random document. */
  public Doc next() {
    Object tree = tree();
    return new Doc(serialize(tree, false), plain(tree));
  }

  /**
   * A random tree: {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@link Num}, {@code
   * Boolean} or {@code null}.
   */
  public @org.jspecify.annotations.Nullable Object tree() {
    return value(0);
  }

  /**
   * One random serialisation of a tree. With {@code variants}, member order is shuffled and numbers
   * are written in another numerically equal form (so only semantic equality holds).
   */
  public byte[] serialize(@org.jspecify.annotations.Nullable Object tree, boolean variants) {
    out.reset();
    ws();
    emit(tree, variants);
    ws();
    return out.toByteArray();
  }

  /** The tree with every {@link Num} replaced by its BigDecimal value. */
  public static @org.jspecify.annotations.Nullable Object plain(@org.jspecify.annotations.Nullable Object tree) {
    if (tree instanceof Num n) {
      return n.value();
    }
    if (tree instanceof Map<?, ?> m) {
      Map<Object, @org.jspecify.annotations.Nullable Object> r = new LinkedHashMap<>();
      m.forEach((k, v) -> r.put(k, plain(v)));
      return r;
    }
    if (tree instanceof List<?> l) {
      List<@org.jspecify.annotations.Nullable Object> r = new ArrayList<>();
      for (Object x : l) {
        r.add(plain(x));
      }
      return r;
    }
    return tree;
  }

  private void emit(@org.jspecify.annotations.Nullable Object v, boolean variants) {
    if (v == null) {
      write("null");
    } else if (v instanceof Boolean b) {
      write(b ? "true" : "false");
    } else if (v instanceof String s) {
      writeString(s);
    } else if (v instanceof Num n) {
      write(variants ? numberVariant(n.value()) : n.text());
    } else if (v instanceof List<?> l) {
      out.write('[');
      ws();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.write(',');
          ws();
        }
        emit(l.get(i), variants);
        ws();
      }
      out.write(']');
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      if (variants) {
        for (int i = entries.size() - 1; i > 0; i--) {
          int j = rnd.nextInt(i + 1);
          Map.Entry<?, ?> t = entries.get(i);
          entries.set(i, entries.get(j));
          entries.set(j, t);
        }
      }
      out.write('{');
      ws();
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.write(',');
          ws();
        }
        writeString((String) entries.get(i).getKey());
        ws();
        out.write(':');
        ws();
        emit(entries.get(i).getValue(), variants);
        ws();
      }
      out.write('}');
    } else {
      throw new IllegalArgumentException("not a tree: " + v);
    }
  }

  private String numberVariant(BigDecimal d) {
    switch (rnd.nextInt(4)) {
      case 0:
        return d.toString(); // may use E+n
      case 1:
        return d.toPlainString();
      case 2:
        return new BigDecimal(d.unscaledValue().multiply(java.math.BigInteger.TEN), d.scale() + 1)
            .toString()
            .toLowerCase(java.util.Locale.ROOT);
      default:
        return d.unscaledValue() + "e" + (-d.scale());
    }
  }

  private void ws() {
    if (!whitespace || rnd.nextInt(3) != 0) {
      return;
    }
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.write(" \t\n\r".charAt(rnd.nextInt(4)));
    }
  }

  private void write(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }

  private @org.jspecify.annotations.Nullable Object value(int depth) {
    int kind = rnd.nextInt(depth < maxDepth ? 10 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return rnd.nextBoolean();
      case 2:
      case 3:
        return number();
      case 4:
      case 5:
        return randomString();
      case 6:
      case 7:
        return array(depth);
      default:
        return object(depth);
    }
  }

  private List<@org.jspecify.annotations.Nullable Object> array(int depth) {
    List<@org.jspecify.annotations.Nullable Object> l = new ArrayList<>();
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      l.add(value(depth + 1));
    }
    return l;
  }

  private Map<String, @org.jspecify.annotations.Nullable Object> object(int depth) {
    Map<String, @org.jspecify.annotations.Nullable Object> m = new LinkedHashMap<>();
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      String name = rnd.nextInt(3) == 0 ? randomString() : simpleName();
      m.putIfAbsent(name, value(depth + 1));
    }
    return m;
  }

  /** A short ASCII identifier such as AWS uses for member names. */
  public String simpleName() {
    int n = 1 + rnd.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("abcdefghijklmnopqrstuvwxyzABCXYZ_0123456789".charAt(rnd.nextInt(43)));
    }
    return sb.toString();
  }

  private Num number() {
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(3) == 0) {
      sb.append('-');
    }
    if (rnd.nextInt(4) == 0) {
      sb.append('0');
    } else {
      sb.append((char) ('1' + rnd.nextInt(9)));
      int n = rnd.nextInt(rnd.nextInt(4) == 0 ? 25 : 6);
      digits(sb, n);
    }
    if (rnd.nextInt(3) == 0) {
      sb.append('.');
      digits(sb, 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 20 : 4));
    }
    if (rnd.nextInt(4) == 0) {
      sb.append(rnd.nextBoolean() ? 'e' : 'E');
      int sign = rnd.nextInt(3);
      if (sign == 1) {
        sb.append('+');
      } else if (sign == 2) {
        sb.append('-');
      }
      digits(sb, 1 + rnd.nextInt(3));
    }
    return new Num(sb.toString(), new BigDecimal(sb.toString()));
  }

  private void digits(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
  }

  /** A random string of mixed characters: ASCII, specials, controls, BMP, astral, lone surrogates. */
  public String randomString() {
    int n = rnd.nextInt(rnd.nextInt(5) == 0 ? 40 : 10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = rnd.nextInt(20);
      if (k < 8) {
        sb.append((char) (0x20 + rnd.nextInt(0x5F)));
      } else if (k < 10) {
        sb.append("\"\\/\b\f\n\r\t".charAt(rnd.nextInt(8)));
      } else if (k == 10) {
        sb.append((char) rnd.nextInt(0x20));
      } else if (k == 11) {
        sb.append((char) (0x80 + rnd.nextInt(0x780))); // two UTF-8 bytes
      } else if (k == 12) {
        int c;
        do {
          c = 0x800 + rnd.nextInt(0x10000 - 0x800);
        } while (Character.isSurrogate((char) c));
        sb.append((char) c); // three bytes
      } else if (k == 13) {
        sb.appendCodePoint(0x10000 + rnd.nextInt(0x100000)); // four bytes
      } else if (k == 14 && rnd.nextInt(4) == 0) {
        sb.append((char) (0xD800 + rnd.nextInt(0x800))); // a lone surrogate (escaped when written)
      } else {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
    }
    return sb.toString();
  }

  private void writeString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        if (rnd.nextBoolean()) {
          sb.append(c).append(s.charAt(i + 1));
        } else {
          unicodeEscape(sb, c);
          unicodeEscape(sb, s.charAt(i + 1));
        }
        i++;
        continue;
      }
      String shortEscape = shortEscape(c);
      boolean mustEscape = c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c);
      int choice = rnd.nextInt(4);
      if (!mustEscape && choice > 0) {
        sb.append(c);
      } else if (shortEscape != null && choice < 3) {
        sb.append(shortEscape);
      } else {
        unicodeEscape(sb, c);
      }
    }
    write(sb.append('"').toString());
  }

  private void unicodeEscape(StringBuilder sb, char c) {
    String hex = String.format("%04x", (int) c);
    sb.append("\\u").append(rnd.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
  }

  private static @org.jspecify.annotations.Nullable String shortEscape(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '/' -> "\\/";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> null;
    };
  }
}
