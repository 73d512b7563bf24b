package io.cloudir.parsers;

import io.cloudir.parsers.TestSupport.Doc;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Random CloudTrail events and inputs for the property tests: every choice comes from one seed. */
final class Gen {
  final SplittableRandom rnd;

  Gen(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** A generated event: its exact text and the values written (decoded strings). */
  record Event(String text, Map<String, Object> values, Map<String, String> unknownRaw) {}

  static final String[] STRING_FIELDS = {"eventVersion", "eventSource", "awsRegion", "sourceIPAddress",
      "userAgent", "errorCode", "errorMessage", "requestID", "eventID", "recipientAccountId", "sharedEventID",
      "vpcEndpointId", "apiVersion"};

  String ws() {
    int n = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(3) : 0;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(" \t\r\n".charAt(rnd.nextInt(4)));
    }
    return sb.toString();
  }

  /** A random text: ASCII, JSON-special characters, controls, non-ASCII, supplementary characters. */
  String text(int max) {
    int n = rnd.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = rnd.nextInt(20);
      if (k < 10) {
        sb.append((char) ('a' + rnd.nextInt(26)));
      } else if (k < 12) {
        sb.append("\"\\/".charAt(rnd.nextInt(3)));
      } else if (k < 13) {
        sb.append((char) rnd.nextInt(0x20));
      } else if (k < 16) {
        sb.append((char) (0xA0 + rnd.nextInt(0xD7FF - 0xA0)));
      } else if (k < 17) {
        sb.appendCodePoint(0x10000 + rnd.nextInt(0x10FFFF - 0x10000));
      } else {
        sb.append(" -_.:0123456789".charAt(rnd.nextInt(15)));
      }
    }
    return sb.toString();
  }

  /** A JSON string literal for {@code s}, escaping at random where escaping is optional. */
  String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean esc = rnd.nextInt(8) == 0;
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        int k = "\b\f\n\r\t".indexOf(c);
        if (k >= 0 && !esc) {
          sb.append('\\').append("bfnrt".charAt(k));
        } else {
          sb.append(String.format("\\u%04x", (int) c));
        }
      } else if (c == '/' && esc) {
        sb.append("\\/");
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        char d = s.charAt(++i);
        if (esc) {
          sb.append(String.format("\\u%04x\\u%04X", (int) c, (int) d));
        } else {
          sb.append(c).append(d);
        }
      } else if (esc) {
        sb.append(String.format(rnd.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Random nested JSON of bounded depth. */
  String json(int depth) {
    int k = rnd.nextInt(depth <= 0 ? 4 : 7);
    switch (k) {
      case 0:
        return quote(text(8));
      case 1:
        return List.of("0", "-1", "3.25", "1e9", "-0.5E-3", "123456789012345678901234567890").get(rnd.nextInt(6));
      case 2:
        return List.of("true", "false", "null").get(rnd.nextInt(3));
      case 3:
        return quote(text(3));
      case 4:
      case 5: {
        StringBuilder sb = new StringBuilder("{").append(ws());
        int n = rnd.nextInt(4);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          names.add("k" + text(3).replace('\\', 'x'));
        }
        boolean first = true;
        for (String nm : names) {
          sb.append(first ? "" : "," + ws()).append(quote(nm)).append(ws()).append(':').append(ws())
              .append(json(depth - 1)).append(ws());
          first = false;
        }
        return sb.append('}').toString();
      }
      default: {
        StringBuilder sb = new StringBuilder("[").append(ws());
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," + ws() : "").append(json(depth - 1)).append(ws());
        }
        return sb.append(']').toString();
      }
    }
  }

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  Event event(boolean big) {
    Map<String, String> members = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    String name = "Op" + text(6);
    values.put("eventName", name);
    members.put("eventName", quote(name));
    for (String f : STRING_FIELDS) {
      if (rnd.nextInt(3) > 0) {
        String v = text(12);
        values.put(f, v);
        members.put(f, quote(v));
      }
    }
    if (rnd.nextBoolean()) {
      Instant t = Instant.ofEpochSecond(1_500_000_000L + rnd.nextLong(400_000_000L));
      values.put("eventTime", t);
      members.put("eventTime", "\"" + ISO.format(t) + "\"");
    }
    if (rnd.nextBoolean()) {
      boolean b = rnd.nextBoolean();
      values.put("readOnly", b);
      members.put("readOnly", Boolean.toString(b));
    }
    if (rnd.nextBoolean()) {
      String arn = "arn:aws:iam::" + (100000000000L + rnd.nextLong(899999999999L)) + ":user/" + text(5);
      String type = List.of("IAMUser", "AssumedRole", "Root", "AWSService", "FederatedUser").get(rnd.nextInt(5));
      values.put("userIdentity.arn", arn);
      values.put("userIdentity.type", type);
      members.put("userIdentity", "{" + ws() + "\"type\":" + ws() + quote(type) + "," + ws() + "\"arn\":" + quote(arn)
          + (rnd.nextBoolean() ? ",\"extra\":" + json(2) : "") + ws() + "}");
    }
    if (rnd.nextBoolean()) {
      String rp = big ? "{\"blob\":" + quote("b".repeat(5000 + rnd.nextInt(15000))) + ",\"n\":" + json(3) + "}"
          : rnd.nextInt(5) == 0 ? "null" : "{\"p\":" + json(4) + "}";
      values.put("requestParameters", rp);
      members.put("requestParameters", rp);
    } else if (big) {
      String rp = "{\"blob\":" + quote("c".repeat(6000 + rnd.nextInt(10000))) + "}";
      values.put("requestParameters", rp);
      members.put("requestParameters", rp);
    }
    int u = rnd.nextInt(3);
    for (int i = 0; i < u; i++) {
      String un = "zz" + i + text(4).replace('\\', 'y');
      String v = json(3);
      unknown.put(un, v);
      members.put(un, v);
    }
    List<String> keys = new ArrayList<>(members.keySet());
    for (int i = keys.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String x = keys.get(i);
      keys.set(i, keys.get(j));
      keys.set(j, x);
    }
    StringBuilder sb = new StringBuilder("{").append(ws());
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      String q = unknown.containsKey(k) ? quote(k) : "\"" + k + "\"";
      sb.append(i > 0 ? "," + ws() : "").append(q).append(ws()).append(':').append(ws()).append(members.get(k))
          .append(ws());
    }
    sb.append('}');
    // unknown fields in written order
    Map<String, String> unknownInOrder = new LinkedHashMap<>();
    for (String k : keys) {
      if (unknown.containsKey(k)) {
        unknownInOrder.put(k, unknown.get(k));
      }
    }
    return new Event(sb.toString(), values, unknownInOrder);
  }

  static final int SHAPES = 7;

  /** Writes events in one envelope shape; the doc remembers where each record starts. */
  Doc write(List<Event> events, int shape, Doc d) {
    switch (shape) {
      case 0, 1 -> {
        d.raw(ws() + "{" + ws());
        if (shape == 1 && rnd.nextBoolean()) {
          d.raw("\"before\":" + ws() + json(3) + "," + ws());
        }
        d.raw("\"Records\"" + ws() + ":" + ws() + "[" + ws());
        for (int i = 0; i < events.size(); i++) {
          d.raw(i > 0 ? "," + ws() : "").rec(events.get(i).text()).raw(ws());
        }
        d.raw("]" + ws());
        if (shape == 1 && rnd.nextBoolean()) {
          d.raw("," + ws() + "\"after\":" + json(3) + ws());
        }
        d.raw("}" + ws());
      }
      case 2 -> {
        for (Event e : events) {
          d.raw(rnd.nextInt(4) == 0 ? "\n" : "").rec(e.text()).raw(rnd.nextBoolean() ? "\r\n" : "\n");
        }
      }
      case 3 -> {
        for (Event e : events) {
          d.rec(e.text()).raw(ws());
        }
      }
      case 4 -> {
        d.raw("[" + ws());
        for (int i = 0; i < events.size(); i++) {
          d.raw(i > 0 ? "," + ws() : "").rec(events.get(i).text()).raw(ws());
        }
        d.raw("]" + ws());
      }
      case 5 -> {
        for (Event e : events) {
          d.raw("{\"version\":\"0\",\"id\":" + quote(text(5)) + ",\"detail-type\":\"AWS API Call via CloudTrail\","
              + "\"source\":\"aws.x\",\"detail\":" + ws()).rec(e.text()).raw(ws() + "}\n");
        }
      }
      default -> {
        d.raw("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\",\"logStream\":\"s\","
            + "\"subscriptionFilters\":[],\"logEvents\":[");
        for (int i = 0; i < events.size(); i++) {
          d.raw((i > 0 ? "," : "") + "{\"id\":\"" + i + "\",\"timestamp\":" + i + ",\"message\":")
              .mark(events.get(i).text()).raw(quote(events.get(i).text())).raw("}");
        }
        d.raw("]}\n");
      }
    }
    return d;
  }
}
