package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per documented field: present, absent, JSON null, escapes, odd types, warnings. */
class CloudTrailEventFieldsTest {

  private static final String CLEAN_TIME = "\"eventTime\":\"2023-07-10T11:45:00Z\"";

  static CloudTrailEvent ev(String members) {
    return CloudTrailEvent.parse("{" + members + "}");
  }

  /** An event with a valid time plus the given members. */
  static CloudTrailEvent timed(String members) {
    return ev(CLEAN_TIME + (members.isEmpty() ? "" : "," + members));
  }

  static List<String> codes(CloudTrailView v) {
    return v.warnings().stream().map(RecordWarning::code).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- string fields

  /** Every top-level field whose accessor returns a String, with that accessor. */
  static Stream<Arguments> stringFields() {
    Map<CloudTrailField, Function<CloudTrailView, String>> m = new java.util.LinkedHashMap<>();
    m.put(CloudTrailField.EVENT_VERSION, CloudTrailView::eventVersion);
    m.put(CloudTrailField.EVENT_SOURCE, CloudTrailView::eventSource);
    m.put(CloudTrailField.EVENT_NAME, CloudTrailView::eventName);
    m.put(CloudTrailField.AWS_REGION, CloudTrailView::awsRegion);
    m.put(CloudTrailField.SOURCE_IP_ADDRESS, CloudTrailView::sourceIPAddress);
    m.put(CloudTrailField.USER_AGENT, CloudTrailView::userAgent);
    m.put(CloudTrailField.ERROR_CODE, CloudTrailView::errorCode);
    m.put(CloudTrailField.ERROR_MESSAGE, CloudTrailView::errorMessage);
    m.put(CloudTrailField.REQUEST_ID, CloudTrailView::requestID);
    m.put(CloudTrailField.EVENT_ID, CloudTrailView::eventID);
    m.put(CloudTrailField.API_VERSION, CloudTrailView::apiVersion);
    m.put(CloudTrailField.RECIPIENT_ACCOUNT_ID, CloudTrailView::recipientAccountId);
    m.put(CloudTrailField.SHARED_EVENT_ID, CloudTrailView::sharedEventID);
    m.put(CloudTrailField.VPC_ENDPOINT_ID, CloudTrailView::vpcEndpointId);
    m.put(CloudTrailField.VPC_ENDPOINT_ACCOUNT_ID, CloudTrailView::vpcEndpointAccountId);
    return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest
  @MethodSource("stringFields")
  void plainStringValue(CloudTrailField f, Function<CloudTrailView, String> get) {
    CloudTrailEvent e = timed("\"" + f.jsonName() + "\":\"some-Value_1.2\"");
    assertEquals("some-Value_1.2", get.apply(e));
    assertEquals("some-Value_1.2", e.string(f));
    assertTrue(e.has(f));
    assertFalse(e.hasWarnings(), () -> e.warnings().toString());
  }

  @ParameterizedTest
  @MethodSource("stringFields")
  void absentAndNull(CloudTrailField f, Function<CloudTrailView, String> get) {
    CloudTrailEvent absent = timed("\"other\":1");
    assertNull(get.apply(absent));
    assertNull(absent.string(f));
    assertFalse(absent.has(f));
    CloudTrailEvent nul = timed("\"" + f.jsonName() + "\":null");
    assertNull(get.apply(nul));
    assertNull(nul.string(f));
    assertTrue(nul.has(f));
    assertFalse(nul.hasWarnings(), () -> nul.warnings().toString());
  }

  @ParameterizedTest
  @MethodSource("stringFields")
  void escapedString(CloudTrailField f, Function<CloudTrailView, String> get) {
    // quote, backslash, slash, control escapes, \u00e9, a surrogate pair for U+1F600
    String json = "a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00z";
    String expected = "a\"b\\c/d\n\té\uD83D\uDE00z";
    CloudTrailEvent e = timed("\"" + f.jsonName() + "\":\"" + json + "\"");
    assertEquals(expected, get.apply(e));
    assertEquals(expected, e.string(f));
  }

  @ParameterizedTest
  @MethodSource("stringFields")
  void rawNonAsciiUtf8(CloudTrailField f, Function<CloudTrailView, String> get) {
    String v = "Zürich-東京-\uD83D\uDE00";
    byte[] bytes = ("{" + CLEAN_TIME + ",\"" + f.jsonName() + "\":\"" + v + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    CloudTrailEvent e = CloudTrailEvent.parse(bytes, Provenance.inMemory());
    assertEquals(v, get.apply(e));
  }

  @ParameterizedTest
  @MethodSource("stringFields")
  void wrongTypeGivesJsonTextAndWarning(CloudTrailField f, Function<CloudTrailView, String> get) {
    CloudTrailEvent e = timed("\"" + f.jsonName() + "\":12.5");
    assertEquals("12.5", get.apply(e));
    assertTrue(codes(e).contains("field.type"), () -> f + ": " + codes(e));
    CloudTrailEvent o = timed("\"" + f.jsonName() + "\":{\"a\":[1, 2]}");
    assertEquals("{\"a\":[1, 2]}", get.apply(o));
    assertTrue(codes(o).contains("field.type"), () -> f + ": " + codes(o));
  }

  // ---------------------------------------------------------------- JSON-valued fields

  static Stream<Arguments> jsonFields() {
    Map<CloudTrailField, Function<CloudTrailView, JsonValue>> m = new java.util.LinkedHashMap<>();
    m.put(CloudTrailField.REQUEST_PARAMETERS, CloudTrailView::requestParameters);
    m.put(CloudTrailField.RESPONSE_ELEMENTS, CloudTrailView::responseElements);
    m.put(CloudTrailField.ADDITIONAL_EVENT_DATA, CloudTrailView::additionalEventData);
    m.put(CloudTrailField.SERVICE_EVENT_DETAILS, CloudTrailView::serviceEventDetails);
    m.put(CloudTrailField.ADDENDUM, CloudTrailView::addendum);
    m.put(CloudTrailField.EDGE_DEVICE_DETAILS, CloudTrailView::edgeDeviceDetails);
    m.put(CloudTrailField.TLS_DETAILS, CloudTrailView::tlsDetails);
    m.put(CloudTrailField.INSIGHT_DETAILS, CloudTrailView::insightDetails);
    return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest
  @MethodSource("jsonFields")
  void jsonValuedField(CloudTrailField f, Function<CloudTrailView, JsonValue> get) {
    String obj = "{ \"bucketName\" : \"b\\u00e9\", \"n\": [1, 2.50, true, null], \"o\": {} }";
    CloudTrailEvent e = timed("\"" + f.jsonName() + "\":" + obj);
    JsonValue v = get.apply(e);
    assertNotNull(v);
    assertEquals(obj, v.toJson());
    assertEquals("bé", v.getString("bucketName"));
    assertEquals(4, v.get("n").size());
    assertEquals(obj, e.field(f).toJson());

    CloudTrailEvent absent = timed("");
    assertNull(get.apply(absent));
    assertNull(absent.field(f));

    CloudTrailEvent nul = timed("\"" + f.jsonName() + "\":null");
    assertNull(get.apply(nul));
    assertTrue(nul.field(f).isNull(), "field() shows the JSON null");
  }

  // ---------------------------------------------------------------- booleans

  static Stream<Arguments> booleanFields() {
    return Stream.of(
        Arguments.of(CloudTrailField.READ_ONLY, (Function<CloudTrailView, Boolean>) CloudTrailView::readOnly),
        Arguments.of(CloudTrailField.MANAGEMENT_EVENT,
            (Function<CloudTrailView, Boolean>) CloudTrailView::managementEvent),
        Arguments.of(CloudTrailField.SESSION_CREDENTIAL_FROM_CONSOLE,
            (Function<CloudTrailView, Boolean>) CloudTrailView::sessionCredentialFromConsole));
  }

  @ParameterizedTest
  @MethodSource("booleanFields")
  void booleanField(CloudTrailField f, Function<CloudTrailView, Boolean> get) {
    String n = "\"" + f.jsonName() + "\":";
    assertEquals(Boolean.TRUE, get.apply(timed(n + "true")));
    assertEquals(Boolean.FALSE, get.apply(timed(n + "false")));
    assertEquals(Boolean.TRUE, get.apply(timed(n + "\"true\"")));
    assertEquals(Boolean.FALSE, get.apply(timed(n + "\"false\"")));
    assertEquals(Boolean.TRUE, get.apply(timed(n + "\"tru\\u0065\"")), "escaped string");
    assertNull(get.apply(timed(n + "null")));
    assertNull(get.apply(timed("")));
    assertFalse(timed(n + "\"true\"").hasWarnings());
    assertFalse(timed(n + "true").hasWarnings());
  }

  @ParameterizedTest
  @MethodSource("booleanFields")
  void booleanFieldOfWrongType(CloudTrailField f, Function<CloudTrailView, Boolean> get) {
    CloudTrailEvent num = timed("\"" + f.jsonName() + "\":1");
    assertNull(get.apply(num));
    assertTrue(codes(num).contains("field.type"), () -> f + ": " + codes(num));
    CloudTrailEvent str = timed("\"" + f.jsonName() + "\":\"yes\"");
    assertNull(get.apply(str));
    assertTrue(codes(str).contains("field.type"), () -> f + ": " + codes(str));
  }

  // ---------------------------------------------------------------- eventTime

  @ParameterizedTest
  @ValueSource(strings = {
      "2023-07-10T11:45:00Z", "2023-07-10T11:45:00.5Z", "2023-07-10T11:45:00.123456789Z",
      "2020-02-29T23:59:59.001Z", "2023-07-10T11:45:00+02:00", "2023-07-10T11:45:00.25-05:30",
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2023-07-10t11:45:00z"})
  void eventTimeValid(String text) {
    CloudTrailEvent e = ev("\"eventTime\":\"" + text + "\"");
    Instant expected = OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant();
    assertEquals(expected, e.eventTime());
    assertEquals(expected, e.time());
    long nanos = expected.getEpochSecond() * 1_000_000_000L + expected.getNano();
    assertEquals(nanos, e.eventTimeNanos());
    assertEquals(expected.toEpochMilli(), e.eventTimeMillis());
    assertEquals(text, e.eventTimeText());
    assertEquals(List.of(), e.warnings());
  }

  @Test
  void eventTimeEscapedButValid() {
    CloudTrailEvent e = ev("\"eventTime\":\"2023-07-10T11:45:0\\u0030Z\"");
    assertEquals(Instant.parse("2023-07-10T11:45:00Z"), e.eventTime());
    assertEquals(List.of(), e.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"2020-01-01 00:00:00.000000000\"", "\"2025-10-21TT00:52:27Z\"", "1594381500",
      "\"2023-02-29T00:00:00Z\"", "\"2023-07-10T24:00:00Z\"", "\"2023-07-10T11:45:00\"",
      "\"2023-07-10T11:45:00.Z\"", "\"2023-07-10T11:45:00.1234567891Z\"", "\"\"", "true",
      "{\"t\":1}", "\"2023-07-10T11:45:00Zjunk\""})
  void eventTimeMalformed(String json) {
    CloudTrailEvent e = ev("\"eventTime\":" + json);
    assertNull(e.eventTime());
    assertNull(e.time());
    assertEquals(Long.MIN_VALUE, e.eventTimeNanos());
    assertEquals(Long.MIN_VALUE, e.eventTimeMillis());
    assertTrue(codes(e).contains("eventTime.malformed"), () -> codes(e).toString());
    assertFalse(codes(e).contains("eventTime.missing"));
    String expectedText = json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    assertEquals(expectedText, e.eventTimeText());
  }

  @Test
  void eventTimeMissingOrNull() {
    for (CloudTrailEvent e : List.of(ev("\"eventName\":\"X\""), ev("\"eventTime\":null"), ev(""))) {
      assertNull(e.eventTime());
      assertEquals(List.of("eventTime.missing"), codes(e));
      assertTrue(e.hasWarnings());
    }
  }

  // ---------------------------------------------------------------- open enums

  @Test
  void knownEnumsAreTheConstants() {
    CloudTrailEvent e = timed("\"eventType\":\"AwsApiCall\",\"eventCategory\":\"Management\","
        + "\"userIdentity\":{\"type\":\"AssumedRole\"}");
    assertSame(EventType.AWS_API_CALL, e.eventType());
    assertSame(EventCategory.MANAGEMENT, e.eventCategory());
    assertSame(IdentityType.ASSUMED_ROLE, e.identityType());
    assertSame(IdentityType.ASSUMED_ROLE, e.userIdentity().type());
    assertFalse(e.hasWarnings());
    for (EventType t : EventType.knownValues()) {
      assertSame(t, timed("\"eventType\":\"" + t.value() + "\"").eventType());
      assertTrue(t.isKnown());
    }
    for (EventCategory t : EventCategory.knownValues()) {
      assertSame(t, timed("\"eventCategory\":\"" + t.value() + "\"").eventCategory());
    }
    for (IdentityType t : IdentityType.knownValues()) {
      CloudTrailEvent x = timed("\"userIdentity\":{\"type\":\"" + t.value() + "\"}");
      assertSame(t, x.identityType());
      assertFalse(x.hasWarnings(), t::value);
    }
  }

  @Test
  void unknownEnumsAreKeptWithWarnings() {
    CloudTrailEvent e = timed("\"eventType\":\"AwsQuantumCall\",\"eventCategory\":\"Telepathy\","
        + "\"userIdentity\":{\"type\":\"Robot\"}");
    assertEquals("AwsQuantumCall", e.eventType().value());
    assertFalse(e.eventType().isKnown());
    assertEquals("Telepathy", e.eventCategory().value());
    assertFalse(e.eventCategory().isKnown());
    assertEquals("Robot", e.identityType().value());
    assertFalse(e.identityType().isKnown());
    assertEquals("Robot", e.userIdentity().type().value());
    assertEquals(List.of("userIdentity.type.unknown", "eventType.unknown", "eventCategory.unknown"),
        codes(e));
    assertTrue(e.warnings().get(0).detail().contains("Robot"));
    assertTrue(e.warnings().get(1).detail().contains("AwsQuantumCall"));
    assertTrue(e.warnings().get(2).detail().contains("Telepathy"));
    // equality with a value made from text, and case matters
    assertEquals(EventType.of("AwsQuantumCall"), e.eventType());
    assertFalse(EventType.of("awsapicall").isKnown());
  }

  @Test
  void enumsAbsentOrNull() {
    CloudTrailEvent e = timed("\"eventType\":null,\"eventCategory\":null,\"userIdentity\":{\"type\":null}");
    assertNull(e.eventType());
    assertNull(e.eventCategory());
    assertNull(e.identityType());
    assertNull(e.userIdentity().type());
    assertFalse(e.hasWarnings());
    CloudTrailEvent a = timed("");
    assertNull(a.eventType());
    assertNull(a.eventCategory());
    assertNull(a.identityType());
    assertNull(a.userIdentity());
  }

  @Test
  void identityTypeOfWrongTypeAgreesWithUserIdentity() {
    CloudTrailEvent e = timed("\"userIdentity\":{\"type\":5}");
    assertEquals("5", e.identityType().value());
    assertFalse(e.identityType().isKnown());
    assertEquals(e.userIdentity().type(), e.identityType());
    assertTrue(codes(e).contains("field.type"), () -> codes(e).toString());
  }

  @Test
  void escapedEnumText() {
    CloudTrailEvent e = timed("\"eventType\":\"AwsApi\\u0043all\",\"userIdentity\":{\"type\":\"IAM\\u0055ser\"}");
    assertSame(EventType.AWS_API_CALL, e.eventType());
    assertSame(IdentityType.IAM_USER, e.identityType());
    assertSame(IdentityType.IAM_USER, e.userIdentity().type());
  }

  // ---------------------------------------------------------------- userIdentity

  static Stream<Arguments> identityStrings() {
    Map<UserIdentityField, Function<UserIdentity, String>> m = new java.util.LinkedHashMap<>();
    m.put(UserIdentityField.PRINCIPAL_ID, UserIdentity::principalId);
    m.put(UserIdentityField.ARN, UserIdentity::arn);
    m.put(UserIdentityField.ACCOUNT_ID, UserIdentity::accountId);
    m.put(UserIdentityField.ACCESS_KEY_ID, UserIdentity::accessKeyId);
    m.put(UserIdentityField.USER_NAME, UserIdentity::userName);
    m.put(UserIdentityField.INVOKED_BY, UserIdentity::invokedBy);
    m.put(UserIdentityField.IDENTITY_PROVIDER, UserIdentity::identityProvider);
    m.put(UserIdentityField.CREDENTIAL_ID, UserIdentity::credentialId);
    return m.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest
  @MethodSource("identityStrings")
  void identityStringField(UserIdentityField f, Function<UserIdentity, String> get) {
    String n = "\"" + f.jsonName() + "\":";
    CloudTrailEvent e = timed("\"userIdentity\":{\"type\":\"IAMUser\"," + n + "\"v-1\"}");
    assertEquals("v-1", get.apply(e.userIdentity()));
    assertEquals("v-1", e.userIdentityString(f));
    assertFalse(e.hasWarnings());

    CloudTrailEvent esc = timed("\"userIdentity\":{" + n + "\"q\\\"b\\\\\\u00e9\\ud83d\\ude00\"}");
    assertEquals("q\"b\\é\uD83D\uDE00", get.apply(esc.userIdentity()));
    assertEquals("q\"b\\é\uD83D\uDE00", esc.userIdentityString(f));

    String raw = "Grüße-\uD83D\uDE00";
    CloudTrailEvent utf = CloudTrailEvent.parse(("{" + CLEAN_TIME + ",\"userIdentity\":{" + n + "\"" + raw
        + "\"}}").getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
    assertEquals(raw, get.apply(utf.userIdentity()));

    CloudTrailEvent absent = timed("\"userIdentity\":{\"type\":\"Root\"}");
    assertNull(get.apply(absent.userIdentity()));
    assertNull(absent.userIdentityString(f));
    CloudTrailEvent nul = timed("\"userIdentity\":{" + n + "null}");
    assertNull(get.apply(nul.userIdentity()));
    assertNull(nul.userIdentityString(f));
    assertFalse(nul.hasWarnings());

    CloudTrailEvent wrong = timed("\"userIdentity\":{" + n + "42}");
    assertEquals("42", get.apply(wrong.userIdentity()));
    assertTrue(codes(wrong).contains("field.type"), () -> f + ": " + codes(wrong));
  }

  @Test
  void identityJsonFields() {
    String obo = "{\"userId\":\"u-1\",\"identityStoreArn\":\"arn:aws:identitystore::1:identitystore/d-1\"}";
    String iso = "{\"issuerType\":\"AWS::Lambda::Function\"}";
    CloudTrailEvent e = timed("\"userIdentity\":{\"type\":\"IdentityCenterUser\",\"onBehalfOf\":" + obo
        + ",\"inScopeOf\":" + iso + ",\"newThing\":[1],\"sessionContext\":{\"attributes\":{}}}");
    UserIdentity u = e.userIdentity();
    assertEquals(obo, u.onBehalfOf().toJson());
    assertEquals(iso, u.inScopeOf().toJson());
    assertNotNull(u.sessionContext());
    assertEquals("[1]", u.json().get("newThing").toJson(), "unknown identity fields stay reachable");
    assertEquals(e.field(CloudTrailField.USER_IDENTITY).toJson(), u.json().toJson());
    assertEquals(obo, e.userIdentityString(UserIdentityField.ON_BEHALF_OF));

    UserIdentity n = timed("\"userIdentity\":{\"onBehalfOf\":null,\"inScopeOf\":null,\"sessionContext\":null}")
        .userIdentity();
    assertNull(n.onBehalfOf());
    assertNull(n.inScopeOf());
    assertNull(n.sessionContext());
    CloudTrailEvent badCtx = timed("\"userIdentity\":{\"sessionContext\":\"x\"}");
    assertNull(badCtx.userIdentity().sessionContext());
    assertTrue(codes(badCtx).contains("field.type"), () -> codes(badCtx).toString());
  }

  @Test
  void userIdentityNotAnObject() {
    CloudTrailEvent s = timed("\"userIdentity\":\"root\"");
    assertNull(s.userIdentity());
    assertNull(s.identityType());
    assertEquals("root", s.string(CloudTrailField.USER_IDENTITY));
    assertTrue(codes(s).contains("field.type"));
    CloudTrailEvent n = timed("\"userIdentity\":null");
    assertNull(n.userIdentity());
    assertFalse(n.hasWarnings());
    CloudTrailEvent empty = timed("\"userIdentity\":{}");
    assertNotNull(empty.userIdentity());
    assertNull(empty.identityType());
    assertFalse(empty.hasWarnings());
  }

  // ---------------------------------------------------------------- resources

  @Test
  void resources() {
    CloudTrailEvent e = timed("\"resources\":[{\"ARN\":\"arn:aws:s3:::b/k\",\"accountId\":\"111122223333\","
        + "\"type\":\"AWS::S3::Object\"},{\"ARNPrefix\":\"arn:aws:s3:::b/\",\"type\":\"AWS::S3::Object\","
        + "\"extra\":1},{}]");
    List<TrailResource> r = e.resources();
    assertEquals(List.of(
        new TrailResource("arn:aws:s3:::b/k", null, "111122223333", "AWS::S3::Object"),
        new TrailResource(null, "arn:aws:s3:::b/", null, "AWS::S3::Object"),
        new TrailResource(null, null, null, null)), r);
    assertThrows(UnsupportedOperationException.class, () -> r.add(new TrailResource(null, null, null, null)));
    assertEquals(List.of(), timed("").resources());
    assertEquals(List.of(), timed("\"resources\":null").resources());
    assertEquals(List.of(), timed("\"resources\":[]").resources());
    assertFalse(e.hasWarnings());
  }

  @Test
  void resourcesOfWrongTypeWarn() {
    CloudTrailEvent o = timed("\"resources\":{\"ARN\":\"arn:aws:s3:::b\"}");
    assertEquals(List.of(), o.resources());
    assertTrue(codes(o).contains("field.type"), () -> codes(o).toString());
    CloudTrailEvent odd = timed("\"resources\":[\"arn:aws:s3:::b\", 3]");
    assertEquals(List.of(new TrailResource(null, null, null, null), new TrailResource(null, null, null, null)),
        odd.resources());
  }

  // ---------------------------------------------------------------- sourceIPAddress

  @Test
  void sourceAddressIpv4() {
    SourceAddress a = timed("\"sourceIPAddress\":\"198.51.100.7\"").sourceAddress();
    assertTrue(a.isIp());
    assertFalse(a.isServiceName());
    assertFalse(a.isAwsInternal());
    assertEquals("198.51.100.7", a.text());
    assertTrue(a.ip().isV4());
    assertEquals(IpAddress.parse("198.51.100.7"), a.ip());
    assertEquals((198 << 24) | (51 << 16) | (100 << 8) | 7, a.ip().v4Bits());
  }

  @Test
  void sourceAddressIpv6() {
    SourceAddress a = timed("\"sourceIPAddress\":\"2001:DB8:0:0:0:0:0:1\"").sourceAddress();
    assertTrue(a.isIp());
    assertFalse(a.ip().isV4());
    assertEquals("2001:DB8:0:0:0:0:0:1", a.text(), "text as written");
    assertEquals("2001:db8::1", a.ip().toString());
  }

  @Test
  void sourceAddressNames() {
    SourceAddress internal = timed("\"sourceIPAddress\":\"AWS Internal\"").sourceAddress();
    assertFalse(internal.isIp());
    assertTrue(internal.isAwsInternal());
    assertFalse(internal.isServiceName());
    assertNull(internal.ip());

    SourceAddress svc = timed("\"sourceIPAddress\":\"ec2.amazonaws.com\"").sourceAddress();
    assertFalse(svc.isIp());
    assertTrue(svc.isServiceName());
    assertFalse(svc.isAwsInternal());
    assertEquals("ec2.amazonaws.com", svc.toString());

    for (String junk : List.of("1.2.3", "256.1.1.1", "01.2.3.4", "not an ip", "1.2.3.4 ", "", "::g")) {
      SourceAddress g = timed("\"sourceIPAddress\":\"" + junk + "\"").sourceAddress();
      assertFalse(g.isIp(), junk);
      assertFalse(g.isServiceName(), junk);
      assertEquals(junk, g.text());
    }
    assertNull(timed("").sourceAddress());
    assertNull(timed("\"sourceIPAddress\":null").sourceAddress());
    assertEquals(SourceAddress.of("ec2.amazonaws.com"), svc);
  }

  @Test
  void sourceAddressEscaped() {
    SourceAddress a = timed("\"sourceIPAddress\":\"10.0.0.\\u0031\"").sourceAddress();
    assertEquals("10.0.0.1", a.text());
    assertTrue(a.isIp(), "the decoded text is an address");
    assertEquals(IpAddress.parse("10.0.0.1"), a.ip());
  }

  // ---------------------------------------------------------------- unknown fields, lossless

  @Test
  void unknownFieldsKeptInOrder() {
    String json = "{ \"zNew\" : 1 ,\"eventName\":\"X\",\"aNew\":{\"k\":[true,null]},\"eventTime\":"
        + "\"2023-07-10T11:45:00Z\",\"m\\u00e9\":\"v\",\"eventNam\":\"prefix of a known name\" }";
    CloudTrailEvent e = CloudTrailEvent.parse(json);
    Map<String, JsonValue> u = e.unknownFields();
    assertEquals(List.of("zNew", "aNew", "mé", "eventNam"), new ArrayList<>(u.keySet()));
    assertEquals("1", u.get("zNew").toJson());
    assertEquals("{\"k\":[true,null]}", u.get("aNew").toJson());
    assertEquals("v", u.get("mé").asString());
    assertThrows(UnsupportedOperationException.class, () -> u.put("x", JsonValue.parse("1")));
    assertEquals(Map.of(), timed("\"eventName\":\"X\"").unknownFields());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"eventName\":\"X\"}",
      " \n\t{ \"eventName\" :\t\"X\" ,\r\n \"newField\" : [ 1 , { } ] , \"eventTime\":\"2023-07-10T11:45:00Z\"}\n",
      "{\"b\":1e5,\"a\":-0.0,\"requestParameters\":{\"x\":\"\\u00e9\\n\"},\"userIdentity\":{ \"type\" : \"Root\" ,\"q\":1}}",
      "{}"})
  void toJsonIsLossless(String text) {
    CloudTrailEvent e = CloudTrailEvent.parse(text);
    assertEquals(text.strip(), e.toJson());
    assertEquals(text.strip(), e.toString());
    assertEquals(text.strip(), e.json().toJson());
    assertEquals(SourceType.CLOUDTRAIL, e.source());
  }

  @Test
  void toJsonIsLosslessForUtf8Bytes() {
    byte[] b = "{\"eventName\":\"Ünïcödé \uD83D\uDE00\",\"x\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8);
    CloudTrailEvent e = CloudTrailEvent.parse(b, Provenance.of("f.json", 10, 2));
    assertEquals(new String(b, StandardCharsets.UTF_8), e.toJson());
    assertEquals(Provenance.of("f.json", 10, 2), e.provenance());
  }

  // ---------------------------------------------------------------- strictness

  static int offsetOf(String text, String needle, int nth) {
    int p = -1;
    for (int i = 0; i <= nth; i++) {
      p = text.indexOf(needle, p + 1);
    }
    return text.substring(0, p).getBytes(StandardCharsets.UTF_8).length;
  }

  @ParameterizedTest
  @ValueSource(strings = {"eventName", "eventTime", "userIdentity", "requestParameters", "readOnly",
      "insightDetails", "newField"})
  void duplicateTopLevelKeysAreRejected(String name) {
    String text = "{\"" + name + "\":{\"type\":\"Root\"},\"eventSource\":\"s\",\"" + name
        + "\":{\"type\":\"IAMUser\"}}";
    MalformedInputException ex = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(text));
    assertEquals(offsetOf(text, "\"" + name + "\"", 1), ex.location().offset(), ex::getMessage);
  }

  @Test
  void duplicateKeysSpelledWithEscapesAreRejected() {
    String known = "{\"eventName\":\"a\",\"event\\u004eame\":\"b\"}";
    MalformedInputException a = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(known));
    assertEquals(offsetOf(known, "\"event\\u004eame\"", 0), a.location().offset());
    String unknown = "{\"zz\":1,\"eventName\":\"a\",\"\\u007a\\u007a\":2}";
    MalformedInputException b = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(unknown));
    assertEquals(offsetOf(unknown, "\"\\u007a", 0), b.location().offset());
    String ui = "{\"userIdentity\":{\"arn\":\"a\",\"\\u0061rn\":\"b\"}}";
    MalformedInputException c = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(ui));
    assertEquals(offsetOf(ui, "\"\\u0061rn\"", 0), c.location().offset());
  }

  @ParameterizedTest
  @ValueSource(strings = {"type", "principalId", "arn", "accountId", "accessKeyId", "userName", "invokedBy",
      "identityProvider", "credentialId", "onBehalfOf", "inScopeOf", "sessionContext"})
  void duplicateUserIdentityKeysAreRejected(String name) {
    String text = "{\"eventName\":\"x\",\"userIdentity\":{\"" + name + "\":\"a\",\"other\":1,\"" + name
        + "\":\"b\"}}";
    MalformedInputException ex = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(text));
    assertEquals(offsetOf(text, "\"" + name + "\"", 1), ex.location().offset(), ex::getMessage);
  }

  @Test
  void unknownUserIdentityKeysMayNotRepeatEither() {
    // only documented identity keys are checked for repetition: a repeated unknown key is tolerated
    // like any nested object's (JsonValue keeps the last); record that behaviour here
    CloudTrailEvent e = CloudTrailEvent.parse("{\"userIdentity\":{\"x\":1,\"x\":2}}");
    assertEquals("2", e.userIdentity().json().get("x").toJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "[]", "\"x\"", "{", "{\"a\":1", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1}{}",
      "{\"a\":1} x", "{\"userIdentity\":{\"type\":}}", "{\"eventName\":\"\u0001\"}", "{'a':1}",
      "{\"userIdentity\":{\"type\":\"Root\",}}"})
  void malformedInputIsRejected(String text) {
    MalformedInputException ex = assertThrows(MalformedInputException.class, () -> CloudTrailEvent.parse(text));
    assertTrue(ex.location().offset() >= 0 && ex.location().offset() <= text.length(), ex::getMessage);
  }

  @Test
  void invalidUtf8IsRejectedWithOffset() {
    byte[] b = "{\"eventName\":\"ab\"}".getBytes(StandardCharsets.US_ASCII);
    b[15] = (byte) 0xC3; // a lead byte followed by an ASCII byte
    MalformedInputException ex = assertThrows(MalformedInputException.class,
        () -> CloudTrailEvent.parse(b, Provenance.of("x.json", 0, 1)));
    assertEquals("x.json", ex.location().source());
    assertTrue(ex.location().offset() >= 14 && ex.location().offset() <= 16, ex::getMessage);
  }

  @Test
  void parseCopiesTheCallersBytes() {
    byte[] b = "{\"eventName\":\"Abc\"}".getBytes(StandardCharsets.US_ASCII);
    CloudTrailEvent e = CloudTrailEvent.parse(b, Provenance.inMemory());
    b[14] = 'X';
    assertEquals("Abc", e.eventName());
  }
}
