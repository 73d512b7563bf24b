package io.cloudir.model.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.internal.vpcflow.FlowLineScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-pass fast paths of flow log indexing ({@code FlowLineScanner.scan}, taken by {@link
 * FlowLogView#index} and by the cursor engine's {@code indexLine}, and {@code scanLine}, which
 * {@code indexLine} tries first) find exactly what the complete
 * path finds: the same acceptance, field bounds, numbers and warnings, on random lines mixing
 * canonical values with every odd case (dashes, out-of-range numbers, leading zeros, 19- and
 * 20-digit numbers, malformed and three-octet addresses, IPv6, unknown enum texts, irregular
 * spacing, wrong field counts, carriage returns, tabs, an address repeated in a later address
 * field), placed at random offsets.
 */
class FlowLineFastPathTest {
  private static final FlowLogFormat ALL = FlowLogFormat.of(FlowLogField.values());
  private static final FlowLogFormat V5 = FlowLogFormat.parse("version srcaddr dstaddr srcport dstport protocol"
      + " start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id"
      + " sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service"
      + " pkt-dst-aws-service traffic-path flow-direction log-status");
  /** The default format's kinds of positions with other fields: the default layout's own path. */
  private static final FlowLogFormat SAME_SHAPE = FlowLogFormat.parse("version vpc-id subnet-id pkt-srcaddr"
      + " pkt-dstaddr srcport dstport tcp-flags packets bytes start end log-status action");
  /** The same kinds with end before start: not the default layout. */
  private static final FlowLogFormat END_FIRST = FlowLogFormat.parse("version account-id interface-id srcaddr"
      + " dstaddr srcport dstport protocol packets bytes end start action log-status");
  private static final FlowLogFormat ODD = FlowLogFormat.parse("${srcaddr} ${future-field} ${end} ${start}"
      + " ${traffic-path} ${encryption-status} ${reject-reason} ${resource-type}");

  private static String value(FlowLogField f, SplittableRandom r) {
    if (r.nextInt(12) == 0) {
      return "-";
    }
    int odd = r.nextInt(10);
    switch (f.kind()) {
      case NUMBER -> {
        return switch (odd) {
          case 0 -> String.valueOf(r.nextLong(Long.MAX_VALUE)); // up to 19 digits
          case 1 -> "99999999999999999999"; // 20 digits
          case 2 -> "00" + r.nextInt(1000);
          case 3 -> String.valueOf(r.nextInt(70000));
          case 4 -> r.nextBoolean() ? "12a" : "x";
          case 5 -> String.valueOf(r.nextInt(300));
          default -> String.valueOf(r.nextLong(10_000_000_000L));
        };
      }
      case ADDRESS -> {
        return switch (odd) {
          case 0 -> "2001:db8::" + Integer.toHexString(r.nextInt(65536));
          case 1 -> r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
          case 2 -> r.nextInt(300) + "." + r.nextInt(300) + "." + r.nextInt(10) + ".0" + r.nextInt(10);
          case 3 -> "1.2.3.4.5";
          case 4 -> "::ffff:10.0.0." + r.nextInt(300);
          case 5 -> "10..1.2";
          default -> r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
        };
      }
      default -> {
        String[] known = switch (f) {
          case ACTION -> new String[] {"ACCEPT", "REJECT", "ACCEPTED", "accept"};
          case LOG_STATUS -> new String[] {"OK", "NODATA", "SKIPDATA", "OKAY"};
          case TYPE -> new String[] {"IPv4", "IPv6", "EFA", "IPv7"};
          case FLOW_DIRECTION -> new String[] {"ingress", "egress", "sideways"};
          case SUBLOCATION_TYPE -> new String[] {"wavelength", "outpost", "localzone", "cloud"};
          case RESOURCE_TYPE -> new String[] {"TransitGateway", "TransitGatewayX", "VPC"};
          case REJECT_REASON -> new String[] {"BPA", "XYZ"};
          case ENCRYPTION_STATUS -> new String[] {"0", "1", "3", "4", "12"};
          default -> new String[] {"eni-0abc", "123456789012", "vpc-1", "i-0123456789abcdef0", "us-east-1"};
        };
        return known[r.nextInt(known.length)];
      }
    }
  }

  private static String line(FlowLogFormat format, SplittableRandom r) {
    List<String> vals = new ArrayList<>();
    for (int i = 0; i < format.size(); i++) {
      FlowLogField f = format.field(i);
      vals.add(f == null ? (r.nextBoolean() ? "future" : "7") : value(f, r));
    }
    if (r.nextInt(4) == 0) {
      // an address repeated in a later address field (as pkt-srcaddr repeats srcaddr), valid or not
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < format.size(); i++) {
        FlowLogField f = format.field(i);
        if (f != null && f.kind() == FlowLogField.Kind.ADDRESS) {
          at.add(i);
        }
      }
      if (at.size() >= 2) {
        int from = r.nextInt(at.size() - 1);
        vals.set(at.get(from + 1 + r.nextInt(at.size() - from - 1)), vals.get(at.get(from)));
      }
    }
    if (r.nextInt(20) == 0) {
      vals.remove(r.nextInt(vals.size()));
    } else if (r.nextInt(20) == 0) {
      vals.add(r.nextInt(vals.size()), "extra");
    }
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(30) == 0) {
      sb.append(' ');
    }
    for (int i = 0; i < vals.size(); i++) {
      if (i > 0) {
        sb.append(r.nextInt(40) == 0 ? "  " : " ");
      }
      sb.append(vals.get(i));
    }
    if (r.nextInt(30) == 0) {
      sb.append(' ');
    }
    if (r.nextInt(30) == 0) {
      sb.insert(r.nextInt(sb.length()), r.nextBoolean() ? '\t' : '\r');
    }
    return sb.toString();
  }

  @Test
  void fastPathAgreesWithTheCompletePath() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    FlowLogFormat[] formats = {FlowLogFormat.DEFAULT, V5, ALL, ODD, SAME_SHAPE, END_FIRST};
    int fast = 0;
    int byField = 0;
    for (int it = 0; it < 30_000; it++) {
      FlowLogFormat f = formats[r.nextInt(formats.length)];
      String text = line(f, r);
      String pre = "x".repeat(r.nextInt(20)) + "\n";
      boolean cr = r.nextInt(10) == 0;
      String post = (cr ? "\r\n" : "\n") + "9".repeat(r.nextInt(40));
      byte[] b = (pre + text + post).getBytes(StandardCharsets.UTF_8);
      int s = pre.length();
      int e = s + text.length();
      String where = "seed " + seed + ", line '" + text + "'";

      FlowLogCursor complete = new FlowLogCursor(false);
      boolean ok = complete.completeIndex(b, s, e, f);

      FlowLogCursor viaIndex = new FlowLogCursor(false);
      assertEquals(ok, viaIndex.index(b, s, e, f), where);
      if (ok) {
        same(complete, viaIndex, f, where);
      } else {
        assertEquals(complete.error, viaIndex.error, where);
        assertEquals(complete.errorColumn, viaIndex.errorColumn, where);
      }

      FlowLogCursor viaLine = new FlowLogCursor(false);
      int nl = viaLine.indexLine(b, s, b.length, f);
      if (FlowLineScanner.scanLine(b, s, b.length, f.plan, new int[2 * f.size()], new long[f.size()])
          != FlowLineScanner.DECLINED) {
        byField++;
        assertTrue(nl >= 0, where);
      }
      if (nl >= 0) {
        fast++;
        assertTrue(ok, where);
        assertEquals(e + (cr ? 1 : 0), nl, where);
        same(complete, viaLine, f, where);
      }
    }
    assertTrue(fast > 3_000, "the fast path accepted only " + fast + " lines (seed " + seed + ")");
    assertTrue(byField > 1_000, "the field-by-field path accepted only " + byField + " lines (seed " + seed + ")");
  }

  @Test
  void theDefaultLayoutIsRecognisedByKindsAndTimePositions() {
    assertTrue(FlowLogFormat.DEFAULT.plan.hasDefaultLayout());
    assertTrue(SAME_SHAPE.plan.hasDefaultLayout());
    assertFalse(END_FIRST.plan.hasDefaultLayout());
    assertFalse(V5.plan.hasDefaultLayout());
    assertFalse(ALL.plan.hasDefaultLayout());
  }

  /**
   * Every numeric position of the default layout holding a number of 1 to 20 digits (and zeros
   * only), the line starting at each of the eight offsets of a word: the value is the decimal
   * value of the text, numbers of up to 15 digits take the field-by-field path, and everything
   * agrees with the complete path.
   */
  @Test
  void defaultLayoutNumbersOfEveryLengthAtEveryAlignment() {
    String[] line = "2 123456789012 eni-0a1b2c3d 10.0.1.5 172.31.9.9 49152 443 6 12 3400 1700000000 1700000060 ACCEPT OK"
        .split(" ");
    int[] numeric = {0, 5, 6, 7, 8, 9, 10, 11};
    String digits = "12345678901234567890";
    int checked = 0;
    for (int pos : numeric) {
      for (int len = 1; len <= 20; len++) {
        for (String text : new String[] {digits.substring(0, len), "0".repeat(len)}) {
          for (int off = 0; off < 8; off++) {
            String[] vals = line.clone();
            vals[pos] = text;
            String where = "position " + pos + ", '" + text + "', offset " + off;
            byte[] b = ("x".repeat(off) + String.join(" ", vals) + '\n' + "9".repeat(20)).getBytes(StandardCharsets.UTF_8);
            int e = b.length - 21;
            FlowLogCursor complete = new FlowLogCursor(false);
            boolean ok = complete.completeIndex(b, off, e, FlowLogFormat.DEFAULT);
            assertEquals(len <= 19, ok, where);
            FlowLogCursor viaLine = new FlowLogCursor(false);
            int nl = viaLine.indexLine(b, off, b.length, FlowLogFormat.DEFAULT);
            int n = FlowLogFormat.DEFAULT.size();
            long r = FlowLineScanner.scanLine(b, off, b.length, FlowLogFormat.DEFAULT.plan, new int[2 * n], new long[n]);
            assertEquals(len <= 15, r != FlowLineScanner.DECLINED, where); // 16 digits fill both words: declined
            if (!ok) {
              assertEquals(-1, nl, where);
              continue;
            }
            assertEquals(e, nl, where);
            same(complete, viaLine, FlowLogFormat.DEFAULT, where);
            FlowLogField f = FlowLogFormat.DEFAULT.field(pos);
            assertEquals(Long.parseLong(text), viaLine.number(f), where);
            checked++;
          }
        }
      }
    }
    assertEquals(8 * 19 * 2 * 8, checked);
  }

  /**
   * A default-layout line cut by the end of the data at every byte: the fast path never reads past
   * the end (the bytes are copied to an array that ends there), and it answers the line feed only
   * when the line feed is within the data, agreeing with the complete path.
   */
  @Test
  void defaultLayoutLinesEndingAtTheEndOfTheData() {
    String[] lines = {"2 123456789012 eni-0a1b2c3d 10.0.1.5 172.31.9.9 49152 443 6 12 3400 1700000000 1700000060 ACCEPT OK",
        "2 123456789012 eni-0a1b2c3d - - - - - - - 1700000000 1700000060 - NODATA",
        "2 1 e 2001:db8::1 ::1 1 2 3 4 5 6 7 REJECT SKIPDATA"};
    int accepted = 0;
    for (String text : lines) {
      for (String eol : new String[] {"\n", "\r\n"}) {
        byte[] all = ("x" + '\n' + text + eol).getBytes(StandardCharsets.UTF_8);
        int s = 2;
        int e = s + text.length();
        FlowLogCursor complete = new FlowLogCursor(false);
        assertTrue(complete.completeIndex(all, s, e, FlowLogFormat.DEFAULT), text);
        for (int limit = s; limit <= all.length; limit++) {
          byte[] b = java.util.Arrays.copyOf(all, limit);
          String where = "'" + text + "' cut at " + limit;
          FlowLogCursor viaLine = new FlowLogCursor(false);
          int nl = viaLine.indexLine(b, s, limit, FlowLogFormat.DEFAULT);
          if (limit < all.length) {
            assertEquals(-1, nl, where);
          } else if (nl >= 0) {
            accepted++;
            assertEquals(all.length - 1, nl, where);
            same(complete, viaLine, FlowLogFormat.DEFAULT, where);
          }
        }
      }
    }
    assertTrue(accepted > 0, "no line ending at the end of the data was accepted");
  }

  private static void same(FlowLogView a, FlowLogView b, FlowLogFormat f, String where) {
    assertEquals(a.lineStart, b.lineStart, where);
    assertEquals(a.lineEnd, b.lineEnd, where);
    assertEquals(a.warnMask, b.warnMask, where);
    for (int i = 0; i < 2 * f.size(); i++) {
      assertEquals(a.bounds[i], b.bounds[i], where + " bound " + i);
    }
    for (FlowLogField fld : FlowLogField.values()) {
      assertEquals(a.number(fld), b.number(fld), where + " " + fld);
    }
    assertEquals(a.warnings(), b.warnings(), where);
    assertEquals(a.toJson(), b.toJson(), where);
  }
}
