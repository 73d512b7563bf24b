package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionContext} and {@link SessionIssuer} answer from an index built in one pass; every
 * getter must give what the generic {@link JsonValue} lookups give (the last of repeated members,
 * escaped member names, values of other types, whitespace), on generated session contexts.
 */
class SessionContextIndexTest {
  private static final String[] NAMES = {"sessionIssuer", "attributes", "sourceIdentity",
      "ec2RoleDelivery", "assumedRoot", "webIdFederationData", "other"};
  private static final String[] ISSUER_NAMES = {"type", "principalId", "arn", "accountId",
      "userName", "path"};
  private static final String[] ATTRIBUTE_NAMES = {"creationDate", "mfaAuthenticated", "x"};

  private static String ws(SplittableRandom r) {
    return r.nextInt(4) == 0 ? " \n\t".substring(r.nextInt(3)) : "";
  }

  /** A member name, sometimes with a character written as a unicode escape. */
  private static String name(SplittableRandom r, String n) {
    if (r.nextInt(6) != 0) {
      return "\"" + n + "\"";
    }
    int i = r.nextInt(n.length());
    return "\"" + n.substring(0, i) + String.format("\\u%04x", (int) n.charAt(i))
        + n.substring(i + 1) + "\"";
  }

  private static String scalar(SplittableRandom r) {
    return switch (r.nextInt(9)) {
      case 0 -> "null";
      case 1 -> "true";
      case 2 -> "false";
      case 3 -> Integer.toString(r.nextInt(1000) - 500);
      case 4 -> "\"a\\\"b\\\\c\\u0041\"";
      case 5 -> "\"\"";
      case 6 -> "[1,\"x\",{\"a\":null}]";
      case 7 -> "\"TRUE\"";
      default -> "\"v" + r.nextInt(100) + "\"";
    };
  }

  private static String time(SplittableRandom r) {
    String t = String.format("20%02d-%02d-%02dT%02d:%02d:%02dZ", r.nextInt(40), 1 + r.nextInt(12),
        1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
    return switch (r.nextInt(5)) {
      case 0 -> "\"" + t.replace("T", "\\u0054") + "\""; // escaped: decoded before parsing
      case 1 -> "\"" + t.substring(0, 10) + "\""; // not a timestamp
      case 2 -> "\"" + t.replace("Z", ".123456Z") + "\"";
      default -> "\"" + t + "\"";
    };
  }

  private static String object(SplittableRandom r, String[] names, int depth) {
    StringBuilder sb = new StringBuilder("{").append(ws(r));
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',').append(ws(r));
      }
      String m = names[r.nextInt(names.length)];
      sb.append(name(r, m)).append(ws(r)).append(':').append(ws(r));
      if (m.equals("creationDate") && r.nextInt(4) != 0) {
        sb.append(time(r));
      } else if ((m.equals("sessionIssuer") || m.equals("webIdFederationData")) && depth == 0
          && r.nextInt(4) != 0) {
        sb.append(object(r, ISSUER_NAMES, depth + 1));
      } else if (m.equals("attributes") && depth == 0 && r.nextInt(4) != 0) {
        sb.append(object(r, ATTRIBUTE_NAMES, depth + 1));
      } else {
        sb.append(scalar(r));
      }
      sb.append(ws(r));
    }
    return sb.append('}').toString();
  }

  private static @org.jspecify.annotations.Nullable Instant creationDate(JsonValue json) {
    JsonValue a = json.get("attributes");
    JsonValue v = a == null ? null : a.get("creationDate");
    String s = v == null ? null : v.stringOrNull();
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long n = IsoTime.parseNanos(b, 0, b.length);
    return n == IsoTime.INVALID ? null
        : Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  private static @org.jspecify.annotations.Nullable Boolean mfa(JsonValue json) {
    JsonValue a = json.get("attributes");
    JsonValue v = a == null ? null : a.get("mfaAuthenticated");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.stringOrNull();
    return "true".equalsIgnoreCase(s) ? Boolean.TRUE
        : "false".equalsIgnoreCase(s) ? Boolean.FALSE : null;
  }

  private static void check(String text, SessionContext sc, String why) {
    JsonValue json = JsonValue.parse(text);
    assertEquals(creationDate(json), sc.creationDate(), why);
    assertEquals(mfa(json), sc.mfaAuthenticated(), why);
    assertEquals(json.getString("sourceIdentity"), sc.sourceIdentity(), why);
    assertEquals(json.getString("ec2RoleDelivery"), sc.ec2RoleDelivery(), why);
    JsonValue root = json.get("assumedRoot");
    assertEquals(root == null ? null : root.asText(), sc.assumedRoot(), why);
    JsonValue web = json.get("webIdFederationData");
    assertEquals(web == null || web.isNull() ? null : web, sc.webIdFederationData(), why);
    JsonValue issuer = json.get("sessionIssuer");
    SessionIssuer si = sc.sessionIssuer();
    if (issuer == null || !issuer.isObject()) {
      assertNull(si, why);
    } else {
      assertNotNull(si, why);
      assertEquals(issuer.getString("type"), si.type(), why);
      assertEquals(issuer.getString("principalId"), si.principalId(), why);
      assertEquals(issuer.getString("arn"), si.arn(), why);
      assertEquals(issuer.getString("accountId"), si.accountId(), why);
      assertEquals(issuer.getString("userName"), si.userName(), why);
      assertEquals(issuer, si.json(), why);
    }
    assertEquals(json, sc.json(), why);
  }

  @Test
  void everyGetterAgreesWithTheGenericLookupsOnGeneratedContexts() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 3000; i++) {
      String sc = object(r, NAMES, 0);
      String why = "seed " + seed + " case " + i + ": " + sc;
      // the view of an event's bytes (through UserIdentity) and one made from a value
      UserIdentity u = CloudTrailEvent.parse("{\"userIdentity\":"
          + "{\"type\":\"AssumedRole\",\"sessionContext\":" + sc + ",\"arn\":\"x\"}}").userIdentity();
      assertNotNull(u, why);
      SessionContext viewed = u.sessionContext();
      assertNotNull(viewed, why);
      check(sc, viewed, why);
      check(sc, SessionContext.of(JsonValue.parse(sc)), why);
    }
  }

  @Test
  void theLastOfRepeatedMembersAndEscapedNamesCount() {
    SessionContext sc = SessionContext.of(JsonValue.parse("{\"sourceIdentity\":\"first\","
        + "\"attributes\":{\"creationDate\":\"2020-01-01T00:00:00Z\"},"
        + "\"source\\u0049dentity\":\"second\",\"attributes\":{\"creationDate\":"
        + "\"2021-02-03T04:05:06Z\",\"creationDate\":\"2022-02-03T04:05:06Z\"},"
        + "\"sessionIssuer\":{\"arn\":\"a\",\"ar\\u006e\":\"b\"}}"));
    assertEquals("second", sc.sourceIdentity());
    assertEquals(Instant.parse("2022-02-03T04:05:06Z"), sc.creationDate());
    assertEquals("b", sc.sessionIssuer().arn());
  }
}
