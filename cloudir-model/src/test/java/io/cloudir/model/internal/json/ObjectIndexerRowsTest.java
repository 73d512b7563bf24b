package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rows located by {@link ObjectIndexer} in its validating pass (WAF's header objects): they
 * agree with Jackson's reading of the same array; the indexer with rows validates exactly like the
 * one without (same end, same spans, same error offset, reason and kind, same {@code INCOMPLETE});
 * and the scanner's count of line feeds is the number of line feeds in the object.
 */
class ObjectIndexerRowsTest {
  private static final String[] TOP = {"a", "httpRequest", "z"};
  private static final String[] NESTED = {"headers", "uri"};
  private static final ObjectSchema ROWS = new ObjectSchema(TOP, 1, NESTED, TOP.length, new String[] {"name", "value"});
  private static final ObjectSchema PLAIN = new ObjectSchema(TOP, 1, NESTED);
  private static final JsonFactory JACKSON = new JsonFactory();

  private static final class Gen {
    final SplittableRandom r;
    final StringBuilder sb = new StringBuilder();

    Gen(SplittableRandom r) {
      this.r = r;
    }

    void ws() {
      int k = r.nextInt(8);
      if (k == 0) {
        sb.append(' ');
      } else if (k == 1) {
        sb.append("\n  ");
      } else if (k == 2) {
        sb.append("\r\n\t");
      }
    }

    void str() {
      sb.append('"');
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(14);
        switch (k) {
          case 0 -> sb.append("\\\"");
          case 1 -> sb.append("\\\\");
          case 2 -> sb.append("\\u0041");
          case 3 -> sb.append('é');
          default -> sb.append((char) ('a' + r.nextInt(26)));
        }
      }
      sb.append('"');
    }

    void scalar() {
      switch (r.nextInt(5)) {
        case 0 -> sb.append("null");
        case 1 -> sb.append(r.nextInt(-50, 5000));
        case 2 -> sb.append(r.nextBoolean());
        default -> str();
      }
    }

    void any(int depth) {
      int k = depth > 3 ? 3 : r.nextInt(5);
      if (k == 0) {
        sb.append('[');
        ws();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
            ws();
          }
          any(depth + 1);
        }
        sb.append(']');
      } else if (k == 1) {
        sb.append('{');
        ws();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append("\"k").append(i).append("\":");
          ws();
          any(depth + 1);
        }
        sb.append('}');
      } else {
        scalar();
      }
    }

    /** A header array: mostly objects with name/value members (repeated, null, other types). */
    void headers() {
      sb.append('[');
      ws();
      int n = r.nextInt(7);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          ws();
          sb.append(',');
          ws();
        }
        if (r.nextInt(8) == 0) {
          any(3);
          continue;
        }
        sb.append('{');
        ws();
        int m = r.nextInt(5);
        for (int j = 0; j < m; j++) {
          if (j > 0) {
            sb.append(',');
            ws();
          }
          int k = r.nextInt(6);
          String key = k < 2 ? "name" : k < 4 ? "value" : k == 4 ? "other" : "nam";
          sb.append('"').append(key).append('"');
          ws();
          sb.append(':');
          ws();
          if (key.equals("other")) {
            any(3);
          } else {
            scalar();
          }
          ws();
        }
        sb.append('}');
      }
      ws();
      sb.append(']');
    }

    byte[] record() {
      sb.setLength(0);
      sb.append('{');
      ws();
      sb.append("\"a\":");
      any(1);
      sb.append(",\"httpRequest\":{");
      ws();
      if (r.nextBoolean()) {
        sb.append("\"uri\":");
        str();
        sb.append(',');
      }
      sb.append("\"headers\":");
      ws();
      headers();
      ws();
      sb.append("},\"z\":");
      any(1);
      ws();
      sb.append('}');
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Jackson's rows: per object element, the text of the last non-null name and value (null if none). */
  private static List<String[]> jacksonRows(byte[] b) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (JsonParser p = JACKSON.createParser(b)) {
      p.nextToken(); // {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String top = p.currentName();
        p.nextToken();
        if (!top.equals("httpRequest")) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String n = p.currentName();
          JsonToken t = p.nextToken();
          if (!n.equals("headers") || t != JsonToken.START_ARRAY) {
            p.skipChildren();
            continue;
          }
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
              p.skipChildren();
              continue;
            }
            String[] row = new String[2];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              JsonToken v = p.nextToken();
              int slot = k.equals("name") ? 0 : k.equals("value") ? 1 : -1;
              if (slot >= 0 && v != JsonToken.VALUE_NULL) {
                row[slot] = p.getText();
              }
              p.skipChildren();
            }
            if (row[0] != null || row[1] != null) {
              rows.add(row);
            }
          }
        }
      }
    }
    return rows;
  }

  private static String spanText(byte[] b, long sp) {
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    return b[s] == '"' ? JsonStrings.decode(b, s + 1, e - 1) : new String(b, s, e - s, StandardCharsets.UTF_8);
  }

  private static int lineFeeds(byte[] b, int s, int e) {
    int n = 0;
    for (int i = s; i < e; i++) {
      n += b[i] == '\n' ? 1 : 0;
    }
    return n;
  }

  @Test
  void rowsAgreeWithJacksonAndValidationIsUnchanged() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    Gen g = new Gen(r);
    ObjectIndexer rows = new ObjectIndexer(ROWS);
    ObjectIndexer plain = new ObjectIndexer(PLAIN);
    JsonScanner sc = new JsonScanner(64, 1 << 20);
    for (int i = 0; i < 3000; i++) {
      byte[] b = g.record();
      String ctx = "seed " + seed + " record " + new String(b, StandardCharsets.UTF_8);
      try {
        sc.newlines = 0;
        int e = rows.index(b, 0, b.length, true, sc, 0);
        assertEquals(b.length, e, ctx);
        assertEquals(lineFeeds(b, 0, e), sc.newlines, ctx);
        assertEquals(e, plain.index(b, 0, b.length, true, sc, 0), ctx);
        assertArrayEquals(plain.spansCopy(), rows.spansCopy(), ctx);
        List<String[]> expected = jacksonRows(b);
        assertEquals(expected.size(), rows.rowCount(), ctx);
        for (int k = 0; k < expected.size(); k++) {
          for (int m = 0; m < 2; m++) {
            long sp = rows.rowSpan(k, m);
            assertEquals(expected.get(k)[m], sp == 0 ? null : spanText(b, sp), ctx + " row " + k);
          }
        }
        // streaming: every prefix is incomplete for both
        int cut = r.nextInt(1, b.length);
        assertEquals(JsonScanner.INCOMPLETE, rows.index(b, 0, cut, false, sc, 0), ctx + " cut " + cut);
        assertEquals(JsonScanner.INCOMPLETE, plain.index(b, 0, cut, false, sc, 0), ctx + " cut " + cut);
      } catch (JsonSyntaxError err) {
        fail(ctx + ": " + err.reason() + " at " + err.offset());
      }
    }
  }

  private static String outcome(ObjectIndexer ix, byte[] b, int limit, boolean atEof, JsonScanner sc) {
    try {
      int e = ix.index(b, 0, limit, atEof, sc, 0);
      return "end " + e;
    } catch (JsonSyntaxError err) {
      return "error " + err.offset() + " " + err.reason() + " limit=" + err.isLimit();
    }
  }

  @Test
  void brokenAndLimitedInputsFailTheSameWay() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    Gen g = new Gen(r);
    ObjectIndexer rows = new ObjectIndexer(ROWS);
    ObjectIndexer plain = new ObjectIndexer(PLAIN);
    byte[] noise = "{}[],:\"\\ n0a-.\n".getBytes(StandardCharsets.UTF_8);
    int errors = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] b = g.record();
      int changes = r.nextInt(3);
      for (int c = 0; c < changes; c++) {
        b[r.nextInt(b.length)] = noise[r.nextInt(noise.length)];
      }
      if (b[0] != '{') {
        continue;
      }
      JsonScanner sc = new JsonScanner(r.nextInt(1, 9), r.nextInt(2) == 0 ? 1 << 20 : r.nextInt(0, 12));
      int limit = r.nextInt(4) == 0 ? r.nextInt(1, b.length + 1) : b.length;
      boolean atEof = limit == b.length || r.nextBoolean();
      String want = outcome(plain, b, limit, atEof, sc);
      String got = outcome(rows, b, limit, atEof, sc);
      errors += want.startsWith("error") ? 1 : 0;
      assertEquals(want, got, "seed " + seed + " input " + new String(b, 0, limit, StandardCharsets.UTF_8));
    }
    // the generator does produce failures (a test that can fail)
    assertEquals(true, errors > 100, "seed " + seed + ": only " + errors + " errors");
  }
}
