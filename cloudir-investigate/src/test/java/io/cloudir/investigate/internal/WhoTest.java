package io.cloudir.investigate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Who#of} read from the event's index against the snapshot through the model's objects. */
class WhoTest {
  private static final String[] DATES = {"2026-03-14T00:00:00Z", "2024-02-29T23:59:59.5Z",
      "2026-03-14T01:02:03.123456789Z", "2026-03-14T01:02:03.1234567890Z", "2023-02-29T00:00:00Z",
      "2026-03-14T24:00:00Z", "2026-03-14t00:00:00z", "2026-03-14T00:00:00+01:00", "1600-01-01T00:00:00Z",
      "2261-12-31T23:59:59.999Z", "2026-3-14T00:00:00Z", "2026-03-14T00:00:00.Z", "x", ""};

  @Test
  void theIndexedSnapshotIsTheDecodedOne() {
    qt().forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      String json = event(rnd);
      CloudTrailEvent e = CloudTrailEvent.parse(json);
      Who want = Who.decoded(e);
      Who fast = Who.fromIndex(e);
      if (fast != null) {
        assertEquals(want, fast, json);
      }
      assertEquals(want, Who.of(e), json);
    });
  }

  @Test
  void theUsualFormIsReadFromTheIndex() {
    String json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
        + "\"arn\":\"arn:aws:sts::1:assumed-role/r/s\",\"accessKeyId\":\"ASIA1\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::1:role/r\"},"
        + "\"attributes\":{\"creationDate\":\"2026-03-14T01:02:03.040Z\"}}},"
        + "\"eventTime\":\"2026-03-14T01:02:04Z\",\"eventID\":\"x\"}";
    Who w = Who.fromIndex(CloudTrailEvent.parse(json));
    assertNotNull(w);
    assertEquals(Instant.parse("2026-03-14T01:02:03.040Z"), w.creationDate());
    assertEquals("arn:aws:iam::1:role/r", w.issuerArn());
    assertEquals(Who.decoded(CloudTrailEvent.parse(json)), w);
  }

  @Test
  void creationDateTakesOnlyTheUsualForm() {
    byte[] ok = "2024-02-29T23:59:59.5Z".getBytes(StandardCharsets.UTF_8);
    assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), Who.creationDate(ok, 0, ok.length));
    for (String d : new String[] {"2023-02-29T00:00:00Z", "2026-03-14T24:00:00Z",
        "2026-03-14T00:00:00+01:00", "2026-03-14T00:00:00.Z", "2026-03-14T0a:00:00Z"}) {
      byte[] b = d.getBytes(StandardCharsets.UTF_8);
      assertNull(Who.creationDate(b, 0, b.length), d);
    }
  }

  private static String event(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder("{\"eventVersion\":\"1.08\"");
    int shape = rnd.nextInt(10);
    if (shape == 0) {
      sb.append(",\"userIdentity\":null");
    } else if (shape == 1) {
      sb.append(",\"userIdentity\":\"x\"");
    } else if (shape > 2) {
      sb.append(",\"userIdentity\":{");
      String sep = "";
      String[] types = {"\"AssumedRole\"", "\"IAMUser\"", "\"Root\"", "\"AWSService\"", "null", "7",
          "\"FederatedUser\""};
      if (rnd.nextInt(5) > 0) {
        sb.append("\"type\":").append(types[rnd.nextInt(types.length)]);
        sep = ",";
      }
      String[] fields = {"arn", "accessKeyId", "accountId", "principalId", "userName", "invokedBy",
          "identityProvider"};
      for (String f : fields) {
        if (rnd.nextBoolean()) {
          sb.append(sep).append('"').append(f).append("\":").append(scalar(rnd));
          sep = ",";
        }
      }
      if (rnd.nextInt(4) == 0) {
        sb.append(sep).append("\"onBehalfOf\":").append(rnd.nextInt(3) == 0 ? "null"
            : "{\"userId\":" + scalar(rnd) + (rnd.nextBoolean() ? ",\"identityStoreArn\":\"s\"" : "")
                + "}");
        sep = ",";
      }
      if (rnd.nextInt(4) > 0) {
        sb.append(sep).append("\"sessionContext\":").append(context(rnd));
      }
      sb.append('}');
    }
    if (rnd.nextInt(3) == 0) {
      sb.append(",\"sessionCredentialFromConsole\":").append(rnd.nextBoolean() ? "\"true\"" : "false");
    }
    return sb.append(",\"eventID\":\"e\"}").toString();
  }

  private static String context(SplittableRandom rnd) {
    if (rnd.nextInt(8) == 0) {
      return rnd.nextBoolean() ? "null" : "\"s\"";
    }
    StringBuilder sb = new StringBuilder("{");
    String sep = "";
    int n = rnd.nextInt(7);
    for (int i = 0; i < n; i++) {
      sb.append(sep);
      sep = rnd.nextBoolean() ? "," : " , ";
      switch (rnd.nextInt(6)) {
        case 0 -> sb.append(name(rnd, "sessionIssuer")).append(":").append(rnd.nextInt(5) == 0
            ? scalar(rnd) : "{" + name(rnd, "type") + ":" + scalar(rnd) + "," + name(rnd, "arn") + ":"
                + scalar(rnd) + (rnd.nextBoolean() ? ",\"arn\":" + scalar(rnd) : "") + "}");
        case 1 -> sb.append(name(rnd, "attributes")).append(":").append(rnd.nextInt(5) == 0
            ? scalar(rnd) : "{\"mfaAuthenticated\":\"false\"," + name(rnd, "creationDate") + ":"
                + (rnd.nextInt(6) == 0 ? scalar(rnd) : "\"" + DATES[rnd.nextInt(DATES.length)] + "\"")
                + "}");
        case 2 -> sb.append(name(rnd, "sourceIdentity")).append(":").append(scalar(rnd));
        case 3 -> sb.append(name(rnd, "ec2RoleDelivery")).append(":").append(scalar(rnd));
        case 4 -> sb.append(name(rnd, "assumedRoot")).append(":").append(rnd.nextBoolean()
            ? "\"TRUE\"" : scalar(rnd));
        default -> sb.append("\"other\":[1,{\"a\":\"}\"}]");
      }
    }
    return sb.append('}').toString();
  }

  /** A member name, now and then written with an escape. */
  private static String name(SplittableRandom rnd, String n) {
    return rnd.nextInt(10) == 0 ? "\"\\u00" + Integer.toHexString(n.charAt(0)) + n.substring(1) + "\""
        : "\"" + n + "\"";
  }

  private static String scalar(SplittableRandom rnd) {
    String[] v = {"\"true\"", "true", "null", "12", "\"\"", "\"a\\\"b\"", "\"arn:aws:iam::1:role/r\"",
        "\"arn:aws:sts::1:assumed-role/r/s\"", "\"ASIAX\"", "\"\\u00e9\""};
    return v[rnd.nextInt(v.length)];
  }
}
