package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonScanner#scanString} (words of eight and sixteen bytes on its plain path) gives what a
 * byte-by-byte scan of the JSON string grammar gives: the same end, the same INCOMPLETE, the same
 * error at the same byte, the same escape and non-ASCII flags. Random bodies of quotes, escapes
 * (good and bad), control bytes and UTF-8 (valid, truncated and invalid) at every alignment, cut
 * anywhere.
 */
class ScanStringPropertyTest {
  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789 :/-_.,{}[]!#~";

  /** The straightforward scanner: returns the end, INCOMPLETE, or "error@offset: reason". */
  private static Object reference(byte[] b, int p, int end) {
    boolean escaped = false;
    boolean nonAscii = false;
    int i = p + 1;
    while (true) {
      if (i >= end) {
        return JsonScanner.INCOMPLETE;
      }
      int c = b[i] & 0xFF;
      if (c == '"') {
        return (i + 1) + " escaped=" + escaped + " nonAscii=" + nonAscii;
      } else if (c == '\\') {
        escaped = true;
        if (i + 1 >= end) {
          return JsonScanner.INCOMPLETE;
        }
        int e = b[i + 1];
        if ("\"\\/bfnrt".indexOf(e) >= 0) {
          i += 2;
        } else if (e == 'u') {
          for (int k = i + 2; k < Math.min(i + 6, end); k++) {
            if (JsonScanner.hex(b[k]) < 0) {
              return "error@" + k + ": invalid \\u escape";
            }
          }
          if (i + 6 > end) {
            return JsonScanner.INCOMPLETE;
          }
          i += 6;
        } else {
          return "error@" + i + ": invalid escape '\\" + JsonScanner.printable(e) + "'";
        }
      } else if (c < 0x20) {
        return "error@" + i + ": unescaped control character 0x" + Integer.toHexString(c) + " in string";
      } else if (c >= 0x80) {
        nonAscii = true;
        try {
          int n = JsonScanner.utf8Length(b, i, end);
          if (n == JsonScanner.INCOMPLETE) {
            return JsonScanner.INCOMPLETE;
          }
          i += n;
        } catch (JsonSyntaxError err) {
          return "error@" + err.offset() + ": " + err.reason();
        }
      } else {
        i++;
      }
    }
  }

  private static Object actual(byte[] b, int p, int end) {
    JsonScanner sc = new JsonScanner(64, Integer.MAX_VALUE);
    try {
      int r = sc.scanString(b, p, end);
      if (r == JsonScanner.INCOMPLETE) {
        return r;
      }
      return r + " escaped=" + sc.lastStringEscaped + " nonAscii=" + sc.lastStringNonAscii;
    } catch (JsonSyntaxError err) {
      return "error@" + err.offset() + ": " + err.reason();
    }
  }

  private static void piece(SplittableRandom r, ByteArrayOutputStream out) {
    int k = r.nextInt(100);
    if (k < 70) {
      out.write(PLAIN.charAt(r.nextInt(PLAIN.length())));
    } else if (k < 74) {
      out.write('"');
    } else if (k < 80) {
      out.write('\\');
      out.write("\"\\/bfnrtuxu0".charAt(r.nextInt(12)));
      for (int j = r.nextInt(5); j > 0; j--) {
        out.write("0aF9g".charAt(r.nextInt(5)));
      }
    } else if (k < 84) {
      out.write(r.nextInt(0x20)); // a control byte
    } else {
      int[][] seqs = {{0xC3, 0xA9}, {0xE2, 0x82, 0xAC}, {0xF0, 0x9F, 0x98, 0x80}, {0x80}, {0xC0, 0x80},
          {0xFF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xE0, 0x80, 0x80}, {0xC3}, {0xE2, 0x82},
          {0x7F}};
      for (int x : seqs[r.nextInt(seqs.length)]) {
        out.write(x);
      }
    }
  }

  @Test
  void agreesWithAByteByByteScan() {
    qt().withExamples(20000).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int lead = r.nextInt(17); // every alignment of the string in the array
      for (int i = 0; i < lead; i++) {
        out.write('x');
      }
      out.write('"');
      // mostly plain bodies of every length (so that the word paths run), then anything
      int plain = r.nextInt(48);
      for (int i = 0; i < plain; i++) {
        out.write(PLAIN.charAt(r.nextInt(PLAIN.length())));
      }
      for (int n = r.nextInt(12); n > 0; n--) {
        piece(r, out);
      }
      if (r.nextBoolean()) {
        out.write('"');
      }
      for (int n = r.nextInt(40); n > 0; n--) {
        piece(r, out);
      }
      byte[] b = out.toByteArray();
      int end = r.nextInt(4) == 0 ? lead + 1 + r.nextInt(b.length - lead) : b.length;
      assertEquals(reference(b, lead, end), actual(b, lead, end), "seed " + seed);
    });
  }
}
