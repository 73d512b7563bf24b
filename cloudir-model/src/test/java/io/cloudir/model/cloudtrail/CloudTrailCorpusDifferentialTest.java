package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every CloudTrail record of the shared corpus, read by Jackson, serialised, parsed by {@link
 * CloudTrailEvent} and compared accessor by accessor with Jackson's view of the same record.
 */
@Tag("corpus")
class CloudTrailCorpusDifferentialTest {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** eventTime as AWS documents it, parsed by java.time (strict calendar). */
  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z")
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  static final Map<String, Function<CloudTrailView, String>> STRINGS = new LinkedHashMap<>();
  static final Map<String, Function<CloudTrailView, Boolean>> BOOLEANS = new LinkedHashMap<>();
  static final Map<String, Function<CloudTrailView, JsonValue>> JSONS = new LinkedHashMap<>();
  static final Map<String, Function<UserIdentity, String>> UI_STRINGS = new LinkedHashMap<>();

  static {
    STRINGS.put("eventVersion", CloudTrailView::eventVersion);
    STRINGS.put("eventSource", CloudTrailView::eventSource);
    STRINGS.put("eventName", CloudTrailView::eventName);
    STRINGS.put("awsRegion", CloudTrailView::awsRegion);
    STRINGS.put("sourceIPAddress", CloudTrailView::sourceIPAddress);
    STRINGS.put("userAgent", CloudTrailView::userAgent);
    STRINGS.put("errorCode", CloudTrailView::errorCode);
    STRINGS.put("errorMessage", CloudTrailView::errorMessage);
    STRINGS.put("requestID", CloudTrailView::requestID);
    STRINGS.put("eventID", CloudTrailView::eventID);
    STRINGS.put("apiVersion", CloudTrailView::apiVersion);
    STRINGS.put("recipientAccountId", CloudTrailView::recipientAccountId);
    STRINGS.put("sharedEventID", CloudTrailView::sharedEventID);
    STRINGS.put("vpcEndpointId", CloudTrailView::vpcEndpointId);
    STRINGS.put("vpcEndpointAccountId", CloudTrailView::vpcEndpointAccountId);
    STRINGS.put("eventTime", CloudTrailView::eventTimeText);
    BOOLEANS.put("readOnly", CloudTrailView::readOnly);
    BOOLEANS.put("managementEvent", CloudTrailView::managementEvent);
    BOOLEANS.put("sessionCredentialFromConsole", CloudTrailView::sessionCredentialFromConsole);
    JSONS.put("requestParameters", CloudTrailView::requestParameters);
    JSONS.put("responseElements", CloudTrailView::responseElements);
    JSONS.put("additionalEventData", CloudTrailView::additionalEventData);
    JSONS.put("serviceEventDetails", CloudTrailView::serviceEventDetails);
    JSONS.put("addendum", CloudTrailView::addendum);
    JSONS.put("edgeDeviceDetails", CloudTrailView::edgeDeviceDetails);
    JSONS.put("tlsDetails", CloudTrailView::tlsDetails);
    JSONS.put("insightDetails", CloudTrailView::insightDetails);
    UI_STRINGS.put("principalId", UserIdentity::principalId);
    UI_STRINGS.put("arn", UserIdentity::arn);
    UI_STRINGS.put("accountId", UserIdentity::accountId);
    UI_STRINGS.put("accessKeyId", UserIdentity::accessKeyId);
    UI_STRINGS.put("userName", UserIdentity::userName);
    UI_STRINGS.put("invokedBy", UserIdentity::invokedBy);
    UI_STRINGS.put("identityProvider", UserIdentity::identityProvider);
    UI_STRINGS.put("credentialId", UserIdentity::credentialId);
  }

  private int records;
  private int withWarnings;
  private final Set<String> fieldsSeen = new HashSet<>();

  @Test
  void everyRecordAgreesWithJackson() throws IOException {
    Path shared = Path.of(System.getProperty("cloudir.shared", "../shared"));
    Path corpus = shared.resolve("corpus");
    Path manifest = corpus.resolve("MANIFEST.tsv");
    assertTrue(Files.isRegularFile(manifest), "no corpus at " + corpus.toAbsolutePath());
    int files = 0;
    List<String> countMismatches = new ArrayList<>();
    for (String line : Files.readAllLines(manifest)) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 4 || !cols[0].startsWith("cloudtrail/")) {
        continue;
      }
      String count = cols[3].trim();
      if (count.isEmpty() || count.equals("-1")) {
        continue;
      }
      Path file = corpus.resolve(cols[0]);
      List<JsonNode> recs = extract(read(file));
      if (recs.size() != Integer.parseInt(count)) {
        countMismatches.add(cols[0] + ": manifest " + count + ", extracted " + recs.size());
      }
      for (int i = 0; i < recs.size(); i++) {
        JsonNode r = recs.get(i);
        String where = cols[0] + " record " + i;
        try {
          check(r, where);
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(where + ": " + e.getMessage() + "\n" + r, e);
        }
      }
      files++;
    }
    System.out.printf("CloudTrail corpus: %d files, %d records (%d with warnings), %d distinct top-level names%n",
        files, records, withWarnings, fieldsSeen.size());
    assertTrue(files > 50, "files read: " + files);
    assertTrue(records > 4000, "records read: " + records);
    assertEquals(List.of(), countMismatches);
  }

  static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readAllBytes();
      if (b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(b))) {
          return z.readAllBytes();
        }
      }
      return b;
    }
  }

  /** The CloudTrail records of a file: Records[*], CloudWatch Logs messages, arrays, JSON lines. */
  static List<JsonNode> extract(byte[] content) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(content)) {
      while (it.hasNext()) {
        collect(it.next(), out);
      }
    }
    return out;
  }

  static void collect(JsonNode n, List<JsonNode> out) throws IOException {
    if (n.isArray()) {
      for (JsonNode x : n) {
        collect(x, out);
      }
    } else if (n.isObject() && n.get("Records") != null && n.get("Records").isArray()) {
      for (JsonNode x : n.get("Records")) {
        out.add(x);
      }
    } else if (n.isObject() && n.get("logEvents") != null && n.get("logEvents").isArray()) {
      for (JsonNode x : n.get("logEvents")) {
        collect(MAPPER.readTree(x.get("message").textValue()), out);
      }
    } else if (n.isObject()) {
      out.add(n);
    }
  }

  // ---------------------------------------------------------------- the comparison

  private void check(JsonNode r, String where) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(r);
    CloudTrailEvent e = CloudTrailEvent.parse(bytes, Provenance.of(where, 0, -1));
    records++;
    if (e.hasWarnings()) {
      withWarnings++;
    }
    r.fieldNames().forEachRemaining(fieldsSeen::add);

    // lossless
    // lossless: exactly the bytes given, which Jackson reads back as the same tree (numbers
    // compared by value: Jackson's DecimalNode equality also compares BigDecimal scales)
    assertEquals(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e.toJson(), "toJson bytes");
    assertEquals(java(r), java(MAPPER.readTree(e.toJson())), "toJson");
    assertEquals(java(r), java(MAPPER.readTree(e.toBuilder().build().toJson())), "toBuilder");
    assertEquals(e, CloudTrailEvent.parse(e.toJson()));

    for (Map.Entry<String, Function<CloudTrailView, String>> s : STRINGS.entrySet()) {
      assertEquals(expectedText(r.get(s.getKey())), s.getValue().apply(e), s.getKey());
    }
    for (Map.Entry<String, Function<CloudTrailView, Boolean>> b : BOOLEANS.entrySet()) {
      assertEquals(expectedBoolean(r.get(b.getKey())), b.getValue().apply(e), b.getKey());
    }
    for (Map.Entry<String, Function<CloudTrailView, JsonValue>> j : JSONS.entrySet()) {
      JsonNode n = r.get(j.getKey());
      JsonValue v = j.getValue().apply(e);
      if (n == null || n.isNull()) {
        assertNull(v, j.getKey());
      } else {
        assertNotNull(v, j.getKey());
        assertEquals(java(n), normal(v.toJava()), j.getKey());
      }
    }
    for (CloudTrailField f : CloudTrailField.values()) {
      assertEquals(r.has(f.jsonName()), e.has(f), f.jsonName());
    }

    checkTime(r.get("eventTime"), e);
    checkEnum(r.get("eventType"), e.eventType() == null ? null : e.eventType().value(), "eventType");
    checkEnum(r.get("eventCategory"), e.eventCategory() == null ? null : e.eventCategory().value(), "eventCategory");
    checkSource(r.get("sourceIPAddress"), e);
    checkResources(r.get("resources"), e.resources());
    checkUnknown(r, e);
    checkIdentity(r.get("userIdentity"), e);
  }

  static @org.jspecify.annotations.Nullable String expectedText(JsonNode n) throws IOException {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isTextual() ? n.textValue() : MAPPER.writeValueAsString(n);
  }

  static @org.jspecify.annotations.Nullable Boolean expectedBoolean(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual() && n.textValue().equalsIgnoreCase("true")) {
      return true;
    }
    if (n.isTextual() && n.textValue().equalsIgnoreCase("false")) {
      return false;
    }
    return null;
  }

  /** Jackson's tree as plain Java values, numbers normalised. */
  static Object java(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.fields().forEachRemaining(en -> m.put(en.getKey(), java(en.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(java(x)));
      return l;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isNumber()) {
      return n.decimalValue().stripTrailingZeros();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return "<null>";
  }

  /** JsonValue.toJava() output with the same normalisation. */
  @SuppressWarnings("unchecked")
  static Object normal(Object o) {
    if (o == null) {
      return "<null>";
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> out.put(k, normal(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(CloudTrailCorpusDifferentialTest::normal).collect(Collectors.toList());
    }
    if (o instanceof BigDecimal d) {
      return d.stripTrailingZeros();
    }
    return o;
  }

  static List<String> codes(CloudTrailView v) {
    return v.warnings().stream().map(RecordWarning::code).collect(Collectors.toList());
  }

  static void checkTime(JsonNode n, CloudTrailEvent e) {
    if (n == null || n.isNull()) {
      assertNull(e.eventTime());
      assertTrue(codes(e).contains("eventTime.missing"), "eventTime.missing");
      return;
    }
    Instant expected = null;
    if (n.isTextual()) {
      try {
        expected = ISO.parse(n.textValue(), Instant::from);
      } catch (DateTimeParseException ex) {
        expected = null;
      }
    }
    assertEquals(expected, e.eventTime(), "eventTime " + n);
    assertEquals(expected == null, codes(e).contains("eventTime.malformed"), "eventTime.malformed " + n);
    if (expected != null) {
      assertEquals(expected.toEpochMilli(), e.eventTimeMillis());
    }
  }

  static void checkEnum(JsonNode n, String actual, String what) throws IOException {
    assertEquals(expectedText(n), actual, what);
  }

  static void checkSource(JsonNode n, CloudTrailEvent e) throws IOException {
    SourceAddress a = e.sourceAddress();
    if (n == null || !n.isTextual()) {
      assertNull(a);
      return;
    }
    assertEquals(n.textValue(), a.text());
    IpAddress ip = a.ip();
    if (ip != null) {
      // only literals get here, so no name lookup happens
      byte[] jdk = InetAddress.getByName(n.textValue()).getAddress();
      byte[] ours = ip.toBytes();
      if (jdk.length == 4 && ours.length == 16) {
        ours = java.util.Arrays.copyOfRange(ours, 12, 16);
      }
      assertTrue(java.util.Arrays.equals(jdk, ours), "sourceIPAddress " + n);
      assertFalse(a.isServiceName());
    } else {
      boolean digitsAndDots = n.textValue().chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
      assertFalse(digitsAndDots && n.textValue().split("\\.", -1).length == 4
          && n.textValue().length() <= 15 && validQuad(n.textValue()), "an IPv4 address was not recognised: " + n);
    }
  }

  static boolean validQuad(String s) {
    for (String p : s.split("\\.", -1)) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static void checkResources(JsonNode n, List<TrailResource> actual) {
    if (n == null || !n.isArray()) {
      assertEquals(List.of(), actual);
      return;
    }
    List<TrailResource> expected = new ArrayList<>();
    for (JsonNode x : n) {
      expected.add(new TrailResource(text(x, "ARN"), text(x, "ARNPrefix"), text(x, "accountId"), text(x, "type")));
    }
    assertEquals(expected, actual, "resources");
  }

  static @org.jspecify.annotations.Nullable String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  static void checkUnknown(JsonNode r, CloudTrailEvent e) {
    Set<String> known = new HashSet<>();
    for (CloudTrailField f : CloudTrailField.values()) {
      known.add(f.jsonName());
    }
    List<String> expectedNames = new ArrayList<>();
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        expectedNames.add(name);
      }
    }
    Map<String, JsonValue> u = e.unknownFields();
    assertEquals(expectedNames, new ArrayList<>(u.keySet()), "unknownFields");
    for (String name : expectedNames) {
      assertEquals(java(r.get(name)), normal(u.get(name).toJava()), name);
    }
  }

  static void checkIdentity(JsonNode n, CloudTrailEvent e) throws IOException {
    UserIdentity u = e.userIdentity();
    if (n == null || !n.isObject()) {
      assertNull(u);
      assertNull(e.identityType());
      return;
    }
    assertNotNull(u);
    assertEquals(java(n), normal(u.json().toJava()));
    assertEquals(expectedText(n.get("type")), u.type() == null ? null : u.type().value(), "type");
    assertEquals(u.type(), e.identityType());
    for (Map.Entry<String, Function<UserIdentity, String>> s : UI_STRINGS.entrySet()) {
      String expected = expectedText(n.get(s.getKey()));
      assertEquals(expected, s.getValue().apply(u), "userIdentity." + s.getKey());
      UserIdentityField f = UserIdentityField.valueOf(
          s.getKey().replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT));
      assertEquals(expected, e.userIdentityString(f), "userIdentityString " + f);
    }
    for (String obj : List.of("onBehalfOf", "inScopeOf")) {
      JsonNode x = n.get(obj);
      JsonValue v = obj.equals("onBehalfOf") ? u.onBehalfOf() : u.inScopeOf();
      if (x == null || x.isNull()) {
        assertNull(v, obj);
      } else {
        assertEquals(java(x), normal(v.toJava()), obj);
      }
    }
    JsonNode sc = n.get("sessionContext");
    SessionContext ctx = u.sessionContext();
    if (sc == null || !sc.isObject()) {
      assertNull(ctx);
      assertNull(u.mfaUsed());
    } else {
      assertEquals(java(sc), normal(ctx.json().toJava()));
      JsonNode attrs = sc.get("attributes");
      JsonNode mfa = attrs == null ? null : attrs.get("mfaAuthenticated");
      assertEquals(mfa == null ? null : expectedBoolean(mfa), u.mfaUsed(), "mfaUsed");
      JsonNode si = sc.get("sessionIssuer");
      SessionIssuer issuer = ctx.sessionIssuer();
      if (si == null || !si.isObject()) {
        assertNull(issuer);
      } else {
        assertEquals(text(si, "type"), issuer.type());
        assertEquals(text(si, "principalId"), issuer.principalId());
        assertEquals(text(si, "arn"), issuer.arn());
        assertEquals(text(si, "accountId"), issuer.accountId());
        assertEquals(text(si, "userName"), issuer.userName());
      }
      assertEquals(text(sc, "sourceIdentity"), ctx.sourceIdentity());
      assertEquals(text(sc, "ec2RoleDelivery"), ctx.ec2RoleDelivery());
    }
    // helpers must answer (never throw) on real identities, and agree with their definitions
    String acting = u.actingPrincipal();
    if (u.arn() != null && !"AssumedRole".equals(text(n, "type"))) {
      assertEquals(u.arn(), acting);
    }
    String key = u.accessKeyId();
    assertEquals(key != null && key.startsWith("AKIA"), u.isLongTermKey());
    assertEquals(key != null && key.startsWith("ASIA"), u.isTemporaryKey());
    String acct = u.keyAccountId();
    if (acct != null) {
      assertEquals(12, acct.length());
    }
    u.sessionName();
  }
}
