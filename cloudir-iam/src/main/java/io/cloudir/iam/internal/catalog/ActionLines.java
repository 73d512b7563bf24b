package io.cloudir.iam.internal.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code A} lines of one service in a catalog's decompressed text, parsed on request. The
 * reader has already checked that each line starts with {@code A<TAB>} and counted them; {@link
 * #read()} checks the rest and reports errors with the line number.
 *
 * <p>Immutable (it shares the read-only text with the other services) and thread-safe; each
 * {@link #read()} parses again.
 */
public final class ActionLines {
  private static final int[] NO_INTS = new int[0];

  private final String source;
  private final byte[] text;
  private final int start;
  private final int end;
  private final long firstLine;
  private final int count;
  private final int levels;
  private final int keys;
  private final int types;

  ActionLines(
      String source,
      byte[] text,
      int start,
      int end,
      long firstLine,
      int count,
      int levels,
      int keys,
      int types) {
    this.source = source;
    this.text = text;
    this.start = start;
    this.end = end;
    this.firstLine = firstLine;
    this.count = count;
    this.levels = levels;
    this.keys = keys;
    this.types = types;
  }

  /** The number of actions. */
  public int count() {
    return count;
  }

  /**
   * Parses the actions.
   *
   * @throws CatalogFormatException if a line is not {@code A name level keys refs}
   */
  public List<RawCatalog.Action> read() {
    List<RawCatalog.Action> out = new ArrayList<>(count);
    Cursor c = new Cursor();
    c.pos = start;
    c.line = firstLine;
    while (c.pos < end) {
      c.lineStart = c.pos;
      c.pos += 2; // "A\t", checked by the reader
      String name = c.string();
      c.tab();
      int level = c.number(levels);
      c.tab();
      int[] ks = c.numbers(keys, (byte) '\t');
      c.tab();
      List<RawCatalog.ResourceRef> refs = c.refs();
      if (c.pos >= text.length || text[c.pos] != '\n') {
        throw c.error("expected 5 fields");
      }
      c.pos++;
      c.line++;
      out.add(new RawCatalog.Action(name, level, ks, refs));
    }
    return out;
  }

  /** A position in the text while one service's actions are parsed. */
  private final class Cursor {
    int pos;
    int lineStart;
    long line;

    String string() {
      int from = pos;
      boolean ascii = true;
      while (pos < end && text[pos] != '\t' && text[pos] != '\n') {
        ascii &= text[pos] >= 0;
        pos++;
      }
      if (pos == from) {
        throw error("field 2 is empty");
      }
      return new String(
          text,
          from,
          pos - from,
          ascii
              ? java.nio.charset.StandardCharsets.ISO_8859_1
              : java.nio.charset.StandardCharsets.UTF_8);
    }

    void tab() {
      if (pos >= end || text[pos] != '\t') {
        throw error("expected 5 fields");
      }
      pos++;
    }

    int number(int limit) {
      int from = pos;
      int v = 0;
      while (pos < end && text[pos] >= '0' && text[pos] <= '9' && pos - from < 9) {
        v = v * 10 + (text[pos] - '0');
        pos++;
      }
      if (pos == from) {
        throw error("bad number at column " + (pos - lineStart + 1));
      }
      if (v >= limit) {
        throw error("index " + v + " out of range (" + limit + ")");
      }
      return v;
    }

    /** Comma-separated numbers up to {@code stop} (not consumed); none when it comes first. */
    int[] numbers(int limit, byte stop) {
      if (pos < end && text[pos] == stop) {
        return NO_INTS;
      }
      int[] buf = new int[8];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = number(limit);
        if (pos < end && text[pos] == ',') {
          pos++;
        } else {
          break;
        }
      }
      return java.util.Arrays.copyOf(buf, n);
    }

    List<RawCatalog.ResourceRef> refs() {
      if (pos < end && text[pos] == '\n') {
        return List.of();
      }
      List<RawCatalog.ResourceRef> out = new ArrayList<>(2);
      while (true) {
        int type = number(types);
        boolean required = false;
        if (pos < end && text[pos] == '!') {
          required = true;
          pos++;
        }
        int[] ks = NO_INTS;
        if (pos < end && text[pos] == '=') {
          pos++;
          ks = numbers(keys, (byte) ';');
        }
        out.add(new RawCatalog.ResourceRef(type, required, ks));
        if (pos < end && text[pos] == ';') {
          pos++;
        } else {
          return out.size() == 1 ? List.of(out.get(0)) : List.copyOf(out);
        }
      }
    }

    CatalogFormatException error(String reason) {
      return new CatalogFormatException(source, lineStart, line, reason);
    }
  }
}
