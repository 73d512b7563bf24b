package io.cloudir.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonLineWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WS = {" ", "\t", "\n", "\r", "\r\n", "  \n\t "};
  private static final String[] STRING_PIECES = {
    "a", " ", "  ", "\\n", "\\r", "\\t", "\\\"", "\\\\", "\\/", "\\u0020", "\\u005c", "\\u0022",
    "é", "✓", "😀", "{", "}", "[", "]", ",", ":", "x y", "\\\\\\\"", "\\b\\f"
  };

  /** Builds random JSON twice: with random whitespace between tokens, and without any. */
  private static final class Gen {
    final SplittableRandom rnd;
    final StringBuilder spaced = new StringBuilder();
    final StringBuilder compact = new StringBuilder();

    Gen(long seed) {
      rnd = new SplittableRandom(seed);
    }

    void ws() {
      int n = rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        spaced.append(WS[rnd.nextInt(WS.length)]);
      }
    }

    void token(String t) {
      spaced.append(t);
      compact.append(t);
    }

    void string() {
      StringBuilder s = new StringBuilder("\"");
      int n = rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        s.append(STRING_PIECES[rnd.nextInt(STRING_PIECES.length)]);
      }
      token(s.append('"').toString());
    }

    void value(int depth) {
      ws();
      int kind = depth > 4 ? rnd.nextInt(4) : rnd.nextInt(6);
      switch (kind) {
        case 0 -> string();
        case 1 -> token(Long.toString(rnd.nextLong(-1_000_000, 1_000_000)));
        case 2 -> token(rnd.nextBoolean() ? "true" : (rnd.nextBoolean() ? "false" : "null"));
        case 3 -> token("-1.25e-3");
        case 4 -> {
          token("[");
          int n = rnd.nextInt(4);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              ws();
              token(",");
            }
            value(depth + 1);
          }
          ws();
          token("]");
        }
        default -> {
          token("{");
          int n = rnd.nextInt(4);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              ws();
              token(",");
            }
            ws();
            string();
            ws();
            token(":");
            value(depth + 1);
          }
          ws();
          token("}");
        }
      }
      ws();
    }
  }

  @Test
  void stripRemovesExactlyTheWhitespaceOutsideStrings() throws Exception {
    long seed0 = new SplittableRandom().nextLong();
    for (int k = 0; k < 3000; k++) {
      long seed = seed0 + k;
      Gen g = new Gen(seed);
      g.token("{");
      g.ws();
      g.token("\"k\"");
      g.ws();
      g.token(":");
      g.value(0);
      g.token("}");
      byte[] in = g.spaced.toString().getBytes(StandardCharsets.UTF_8);
      byte[] pad = new byte[in.length + 10];
      System.arraycopy(in, 0, pad, 5, in.length);
      byte[] dst = new byte[in.length + 3];
      int end = JsonLineWriter.strip(pad, 5, 5 + in.length, dst, 3);
      String got = new String(dst, 3, end - 3, StandardCharsets.UTF_8);
      String msg = "seed " + seed + " input " + g.spaced;
      assertEquals(g.compact.toString(), got, msg);
      assertEquals(JSON.readTree(in), JSON.readTree(got), msg);
    }
  }

  @Test
  void blocksEndAtLineEndsAndLargeRecordsPassWhole() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    AtomicInteger blocks = new AtomicInteger();
    StringBuilder blockEnds = new StringBuilder();
    PrintStream out = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        sink.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        blocks.incrementAndGet();
        blockEnds.append((char) b[off + len - 1]);
        sink.write(b, off, len);
      }
    }, false);
    JsonLineWriter w = new JsonLineWriter(out, () -> {});
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      String rec = "{ \"i\" : " + i + ", \"s\" : \"" + "ab ".repeat(i % 50 == 0 ? 30_000 : 5) + "\" }";
      byte[] b = rec.getBytes(StandardCharsets.UTF_8);
      w.writeLine(b, 0, b.length);
      expected.append(rec.replace(" : ", ":").replace(", ", ",").replace("{ ", "{")
          .replace(" }", "}")).append('\n');
    }
    w.flush();
    assertFalse(w.failed());
    assertEquals(expected.toString(), sink.toString(StandardCharsets.UTF_8));
    assertTrue(blocks.get() > 2, "several blocks: " + blocks);
    char[] ends = blockEnds.toString().toCharArray();
    char[] allLf = new char[ends.length];
    Arrays.fill(allLf, '\n');
    assertArrayEquals(allLf, ends, "every block ends with a line end");
  }

  @Test
  void aClosedDestinationIsNoticedAndNothingMoreIsWritten() {
    AtomicInteger writes = new AtomicInteger();
    PrintStream out = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("Broken pipe");
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        writes.incrementAndGet();
        throw new java.io.IOException("Broken pipe");
      }
    }, false);
    JsonLineWriter w = new JsonLineWriter(out, () -> {});
    byte[] rec = ("{\"a\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 500 && !w.failed(); i++) {
      w.writeLine(rec, 0, rec.length);
    }
    assertTrue(w.failed());
    int after = writes.get();
    w.writeLine(rec, 0, rec.length);
    w.flush();
    assertEquals(after, writes.get());
  }
}
