package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.Provenance;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The raw-slice accessors: offsets, hashes, byte comparisons and canonical strings. */
class CloudTrailZeroCopyTest {

  /** FNV-1a 64 written from the published definition (offset basis and prime). */
  static long fnv1a64(byte[] data) {
    long h = 0xcbf29ce484222325L;
    for (byte x : data) {
      h ^= (x & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  static long fnv(String s) {
    return fnv1a64(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Raw JSON value text per top-level field (null: absent); their decoded string forms. */
  private static final Map<CloudTrailField, String> RAW = new LinkedHashMap<>();

  static {
    RAW.put(CloudTrailField.EVENT_VERSION, "\"1.09\"");
    RAW.put(CloudTrailField.USER_IDENTITY, "{ \"type\" : \"AssumedRole\", \"arn\":\"arn:aws:sts::111122223333:assumed-role/R/s\","
        + " \"accountId\": \"111122223333\" , \"userName\":\"J\\u00fcrgen\" ,\"principalId\":\"AROA:s\\u00e9\"}");
    RAW.put(CloudTrailField.EVENT_TIME, "\"2023-07-10T11:45:00Z\"");
    RAW.put(CloudTrailField.EVENT_SOURCE, "\"iam.amazonaws.com\"");
    RAW.put(CloudTrailField.EVENT_NAME, "\"AttachRolePolicy\"");
    RAW.put(CloudTrailField.AWS_REGION, "\"eu-west-1\"");
    RAW.put(CloudTrailField.SOURCE_IP_ADDRESS, "\"203.0.113.9\"");
    RAW.put(CloudTrailField.USER_AGENT, "\"aws-cli/2.0 Python/3.11 \\\"quoted\\\" \u00fc\"");
    RAW.put(CloudTrailField.ERROR_MESSAGE, "\"Gr\u00fc\u00dfe \\ud83d\\ude00 and \uD83D\uDE00\"");
    RAW.put(CloudTrailField.REQUEST_PARAMETERS, "{\"roleName\": \"R\", \"n\": [1, 2]}");
    RAW.put(CloudTrailField.RESPONSE_ELEMENTS, "null");
    RAW.put(CloudTrailField.READ_ONLY, "false");
    RAW.put(CloudTrailField.MANAGEMENT_EVENT, "true");
    RAW.put(CloudTrailField.RECIPIENT_ACCOUNT_ID, "\"111122223333\"");
    RAW.put(CloudTrailField.EVENT_ID, "\"e\\/1\"");
    RAW.put(CloudTrailField.RESOURCES, "[ ]");
    RAW.put(CloudTrailField.EVENT_CATEGORY, "\"Management\"");
  }

  static String eventText() {
    StringBuilder sb = new StringBuilder(" { ");
    boolean first = true;
    for (Map.Entry<CloudTrailField, String> e : RAW.entrySet()) {
      if (!first) {
        sb.append(" ,\n ");
      }
      first = false;
      sb.append('"').append(e.getKey().jsonName()).append("\" :  ").append(e.getValue());
    }
    return sb.append(" } ").toString();
  }

  static CloudTrailEvent event() {
    return CloudTrailEvent.parse(eventText().getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  static String slice(CloudTrailView v, int s, int e) {
    return new String(v.buffer(), s, e - s, StandardCharsets.UTF_8);
  }

  @Test
  void slicesAreTheRawText() {
    CloudTrailEvent e = event();
    assertEquals(eventText().strip(), slice(e, e.recordStart(), e.recordEnd()));
    for (CloudTrailField f : CloudTrailField.values()) {
      String raw = RAW.get(f);
      if (raw == null) {
        assertEquals(-1, e.valueStart(f), f::name);
        assertEquals(-1, e.valueEnd(f), f::name);
        assertFalse(e.has(f));
      } else {
        assertEquals(raw, slice(e, e.valueStart(f), e.valueEnd(f)), f::name);
        assertTrue(e.has(f));
      }
    }
    String ui = RAW.get(CloudTrailField.USER_IDENTITY);
    assertEquals("\"AssumedRole\"", slice(e, e.valueStart(UserIdentityField.TYPE), e.valueEnd(UserIdentityField.TYPE)));
    assertEquals("\"J\\u00fcrgen\"",
        slice(e, e.valueStart(UserIdentityField.USER_NAME), e.valueEnd(UserIdentityField.USER_NAME)));
    assertEquals(-1, e.valueStart(UserIdentityField.INVOKED_BY));
    assertEquals(-1, e.valueEnd(UserIdentityField.INVOKED_BY));
    assertTrue(ui.contains(slice(e, e.valueStart(UserIdentityField.ACCOUNT_ID), e.valueEnd(UserIdentityField.ACCOUNT_ID))));
  }

  @Test
  void valueHashIsFnv1aOfTheDecodedText() {
    CloudTrailEvent e = event();
    assertEquals(fnv("1.09"), e.valueHash(CloudTrailField.EVENT_VERSION));
    assertEquals(fnv("AttachRolePolicy"), e.valueHash(CloudTrailField.EVENT_NAME));
    assertEquals(fnv("aws-cli/2.0 Python/3.11 \"quoted\" \u00fc"), e.valueHash(CloudTrailField.USER_AGENT));
    assertEquals(fnv("Gr\u00fc\u00dfe \uD83D\uDE00 and \uD83D\uDE00"), e.valueHash(CloudTrailField.ERROR_MESSAGE));
    assertEquals(fnv("e/1"), e.valueHash(CloudTrailField.EVENT_ID));
    assertEquals(fnv("false"), e.valueHash(CloudTrailField.READ_ONLY), "non-strings hash their JSON text");
    assertEquals(fnv("{\"roleName\": \"R\", \"n\": [1, 2]}"), e.valueHash(CloudTrailField.REQUEST_PARAMETERS));
    assertEquals(0, e.valueHash(CloudTrailField.RESPONSE_ELEMENTS), "JSON null");
    assertEquals(0, e.valueHash(CloudTrailField.ERROR_CODE), "absent");
    assertEquals(fnv("Jürgen"), e.valueHash(UserIdentityField.USER_NAME));
    assertEquals(fnv("AROA:sé"), e.valueHash(UserIdentityField.PRINCIPAL_ID));
    assertEquals(fnv("AssumedRole"), e.valueHash(UserIdentityField.TYPE));
    assertEquals(0, e.valueHash(UserIdentityField.INVOKED_BY));
    assertEquals(fnv1a64(new byte[0]), CloudTrailView.FNV_BASIS);
    // the same decoded text written with or without escapes hashes the same
    CloudTrailEvent esc = CloudTrailEvent.parse("{\"eventName\":\"\\u0041ttachRolePolicy\"}");
    assertEquals(e.valueHash(CloudTrailField.EVENT_NAME), esc.valueHash(CloudTrailField.EVENT_NAME));
  }

  @Test
  void valueHashOfRandomStrings() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int n = r.nextInt(20);
      for (int k = 0; k < n; k++) {
        int kind = r.nextInt(4);
        s.appendCodePoint(kind == 0 ? 0x20 + r.nextInt(0x5f) : kind == 1 ? 0xa0 + r.nextInt(0x700)
            : kind == 2 ? 0x10000 + r.nextInt(0x1000) : "\"\\\n\t".charAt(r.nextInt(4)));
      }
      String v = s.toString();
      String json = "{\"eventName\":" + io.cloudir.model.internal.json.JsonStrings.quote(v)
          + ",\"userIdentity\":{\"arn\":" + io.cloudir.model.internal.json.JsonStrings.quote(v) + "}}";
      CloudTrailEvent e = CloudTrailEvent.parse(json);
      assertEquals(fnv(v), e.valueHash(CloudTrailField.EVENT_NAME), "seed " + seed + " value " + v);
      assertEquals(fnv(v), e.valueHash(UserIdentityField.ARN), "seed " + seed + " value " + v);
      assertEquals(v, e.eventName(), "seed " + seed);
    }
  }

  @Test
  void valueEquals() {
    CloudTrailEvent e = event();
    assertTrue(e.valueEquals(CloudTrailField.EVENT_NAME, "AttachRolePolicy"));
    assertFalse(e.valueEquals(CloudTrailField.EVENT_NAME, "AttachRolePolicyX"));
    assertFalse(e.valueEquals(CloudTrailField.EVENT_NAME, "AttachRolePolic"));
    assertFalse(e.valueEquals(CloudTrailField.EVENT_NAME, "attachRolePolicy"));
    assertFalse(e.valueEquals(CloudTrailField.EVENT_NAME, ""));
    assertTrue(e.valueEquals(CloudTrailField.EVENT_ID, "e/1"), "escaped value compares decoded");
    assertFalse(e.valueEquals(CloudTrailField.READ_ONLY, "false"), "not a string");
    assertFalse(e.valueEquals(CloudTrailField.RESPONSE_ELEMENTS, "null"));
    assertFalse(e.valueEquals(CloudTrailField.ERROR_CODE, "x"), "absent");
    assertTrue(e.valueEquals(UserIdentityField.TYPE, "AssumedRole"));
    assertFalse(e.valueEquals(UserIdentityField.TYPE, "Assumed"));
    assertTrue(e.valueEquals(UserIdentityField.USER_NAME, "Jürgen"));
    assertFalse(e.valueEquals(UserIdentityField.INVOKED_BY, "x"));
    CloudTrailEvent empty = CloudTrailEvent.parse("{\"eventName\":\"\"}");
    assertTrue(empty.valueEquals(CloudTrailField.EVENT_NAME, ""));
  }

  @Test
  void canonicalInstances() {
    String text = "{\"eventVersion\":\"1.08\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRoleZc\","
        + "\"awsRegion\":\"ap-south-2\",\"errorCode\":\"AccessDenied\",\"recipientAccountId\":\"444455556666\","
        + "\"vpcEndpointAccountId\":\"777788889999\","
        + "\"userIdentity\":{\"type\":\"AWSService\",\"accountId\":\"444455556666\",\"invokedBy\":\"ec2.amazonaws.com\"}}";
    CloudTrailEvent a = CloudTrailEvent.parse(text);
    CloudTrailEvent b = CloudTrailEvent.parse(" " + text + " ");
    assertSame(a.eventName(), b.eventName());
    assertSame(a.eventSource(), b.eventSource());
    assertSame(a.awsRegion(), b.awsRegion());
    assertSame(a.errorCode(), b.errorCode());
    assertSame(a.recipientAccountId(), b.recipientAccountId());
    assertSame(a.eventVersion(), b.eventVersion());
    assertSame(a.vpcEndpointAccountId(), b.vpcEndpointAccountId());
    assertSame(a.userIdentityString(UserIdentityField.ACCOUNT_ID), b.userIdentityString(UserIdentityField.ACCOUNT_ID));
    assertSame(a.userIdentity().accountId(), b.userIdentity().accountId());
    assertSame(a.userIdentity().invokedBy(), b.userIdentity().invokedBy());
    assertEquals("AssumeRoleZc", a.eventName());
    assertEquals("ec2.amazonaws.com", a.userIdentity().invokedBy());
    // fields that are not canonicalised still decode correctly (distinct but equal strings)
    assertNotEquals(0, a.valueHash(CloudTrailField.EVENT_NAME));
  }
}
