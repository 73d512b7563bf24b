package io.cloudir.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal compact JSON writer into a growable byte array (no whitespace, as AWS delivers
 * CloudTrail files). Used only by the input generator.
 *
 * <p>Not thread-safe: one instance per writing thread.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int size;
  /** One entry per open container: true while no member has been written yet. */
  private boolean[] first = new boolean[64];

  private int depth;
  /** True right after a member name, so the value needs no comma. */
  private boolean afterName;

  JsonBytes(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  @Override
  public String toString() {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  /** Emits the separator a value needs in its container. */
  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (first[depth - 1]) {
        first[depth - 1] = false;
      } else {
        put((byte) ',');
      }
    }
  }

  JsonBytes beginObject() {
    beforeValue();
    put((byte) '{');
    push();
    return this;
  }

  JsonBytes endObject() {
    depth--;
    put((byte) '}');
    return this;
  }

  JsonBytes beginArray() {
    beforeValue();
    put((byte) '[');
    push();
    return this;
  }

  JsonBytes endArray() {
    depth--;
    put((byte) ']');
    return this;
  }

  private void push() {
    if (depth == first.length) {
      first = Arrays.copyOf(first, depth * 2);
    }
    first[depth++] = true;
  }

  /** Writes a member name (ASCII, never needs escaping here). */
  JsonBytes name(String name) {
    beforeValue();
    put((byte) '"');
    ascii(name);
    put((byte) '"');
    put((byte) ':');
    afterName = true;
    return this;
  }

  JsonBytes string(String value) {
    beforeValue();
    put((byte) '"');
    escaped(value);
    put((byte) '"');
    return this;
  }

  JsonBytes field(String name, String value) {
    return name(name).string(value);
  }

  JsonBytes field(String name, long value) {
    return name(name).number(value);
  }

  JsonBytes field(String name, boolean value) {
    return name(name).bool(value);
  }

  JsonBytes fieldNull(String name) {
    return name(name).nul();
  }

  JsonBytes number(long value) {
    beforeValue();
    ascii(Long.toString(value));
    return this;
  }

  JsonBytes bool(boolean value) {
    beforeValue();
    ascii(value ? "true" : "false");
    return this;
  }

  JsonBytes nul() {
    beforeValue();
    ascii("null");
    return this;
  }

  /** Appends already-encoded bytes as one value (a whole record, for instance). */
  JsonBytes rawValue(byte[] bytes) {
    beforeValue();
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
    return this;
  }

  private void escaped(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        put((byte) '\\');
        put((byte) c);
      } else if (c < 0x20) {
        switch (c) {
          case '\n' -> {
            put((byte) '\\');
            put((byte) 'n');
          }
          case '\t' -> {
            put((byte) '\\');
            put((byte) 't');
          }
          case '\r' -> {
            put((byte) '\\');
            put((byte) 'r');
          }
          default -> {
            ascii("\\u00");
            put(HEX[c >> 4]);
            put(HEX[c & 0xF]);
          }
        }
      } else if (c < 0x80) {
        put((byte) c);
      } else {
        int cp = s.codePointAt(i);
        if (Character.isSupplementaryCodePoint(cp)) {
          i++;
        }
        byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        ensure(enc.length);
        System.arraycopy(enc, 0, buf, size, enc.length);
        size += enc.length;
      }
    }
  }
}
