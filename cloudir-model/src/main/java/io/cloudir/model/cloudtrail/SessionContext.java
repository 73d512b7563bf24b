package io.cloudir.model.cloudtrail;

import io.cloudir.model.internal.json.ByteNames;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.MemberSpans;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code userIdentity.sessionContext}: how temporary credentials were obtained.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionContext {
  private static final ByteNames NAMES = new ByteNames("sessionIssuer", "attributes",
      "sourceIdentity", "ec2RoleDelivery", "assumedRoot", "webIdFederationData");
  private static final int ISSUER = 0;
  private static final int ATTRIBUTES = 1;
  private static final int SOURCE_IDENTITY = 2;
  private static final int EC2_ROLE_DELIVERY = 3;
  private static final int ASSUMED_ROOT = 4;
  private static final int WEB_ID = 5;
  private static final ByteNames ATTRIBUTE_NAMES = new ByteNames("creationDate", "mfaAuthenticated");
  private static final int CREATION_DATE = 0;
  private static final int MFA = 1;
  private static final int ATTRIBUTE_NAMES_COUNT = 2;

  private final JsonValue json;
  private final byte[] buf;
  /** Where the values of {@link #NAMES} are (see {@link MemberSpans}), indexed in one pass. */
  private final long[] spans = new long[6];
  /** The same for the members of {@code attributes} when it is an object (same pass). */
  private final long[] attributes = new long[ATTRIBUTE_NAMES_COUNT];
  /** The same for the members of {@code sessionIssuer} when it is an object (same pass). */
  private final long[] issuer = new long[SessionIssuer.NAMES_COUNT];

  /** A view of the validated object at {@code buf[start]}, which {@code json} is. */
  SessionContext(JsonValue json, byte[] buf, int start) {
    this.json = json;
    this.buf = buf;
    ByteNames[] nestedNames = new ByteNames[6];
    long[][] nestedSpans = new long[6][];
    nestedNames[ISSUER] = SessionIssuer.NAMES;
    nestedSpans[ISSUER] = issuer;
    nestedNames[ATTRIBUTES] = ATTRIBUTE_NAMES;
    nestedSpans[ATTRIBUTES] = attributes;
    MemberSpans.index(buf, start, NAMES, spans, nestedNames, nestedSpans);
  }

  /** A session context from a JSON object. */
  public static SessionContext of(JsonValue json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("sessionContext must be a JSON object");
    }
    return new SessionContext(json, json.rawBytes(), 0);
  }

  /** The value at a span, or null when absent. */
  private @Nullable JsonValue value(long span) {
    return span == 0 ? null : JsonValue.ofValidated(buf, (int) (span >>> 32), (int) span);
  }

  /** The decoded string at a span; null when absent or not a string. */
  static @Nullable String string(byte[] buf, long span) {
    if (span == 0 || buf[(int) (span >>> 32)] != '"') {
      return null;
    }
    return JsonStrings.decode(buf, (int) (span >>> 32) + 1, (int) span - 1);
  }

  /** {@code attributes.creationDate}: when the credentials were issued, or null. */
  public @Nullable Instant creationDate() {
    long sp = attributes[CREATION_DATE];
    if (sp == 0 || buf[(int) (sp >>> 32)] != '"') {
      return null;
    }
    int s = (int) (sp >>> 32) + 1;
    int e = (int) sp - 1;
    long n;
    if (JsonStrings.hasEscape(buf, s, e)) {
      byte[] b = JsonStrings.decode(buf, s, e).getBytes(StandardCharsets.UTF_8);
      n = IsoTime.parseNanos(b, 0, b.length);
    } else {
      n = IsoTime.parseNanos(buf, s, e);
    }
    return n == IsoTime.INVALID ? null
        : Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  /** {@code attributes.mfaAuthenticated} (written as the string {@code "true"}), or null. */
  public @Nullable Boolean mfaAuthenticated() {
    JsonValue v = value(attributes[MFA]);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.stringOrNull();
    if ("true".equalsIgnoreCase(s)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(s)) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** {@code sessionIssuer}: the role or user whose credentials were used, or null. */
  public @Nullable SessionIssuer sessionIssuer() {
    long sp = spans[ISSUER];
    if (sp == 0 || buf[(int) (sp >>> 32)] != '{') {
      return null;
    }
    return new SessionIssuer(JsonValue.ofValidated(buf, (int) (sp >>> 32), (int) sp), buf, issuer);
  }

  /** {@code webIdFederationData} (web identity federation), or null. */
  public @Nullable JsonValue webIdFederationData() {
    JsonValue v = value(spans[WEB_ID]);
    return v == null || v.isNull() ? null : v;
  }

  /** {@code sourceIdentity}: the identity the original caller set, carried through role chains. */
  public @Nullable String sourceIdentity() {
    return string(buf, spans[SOURCE_IDENTITY]);
  }

  /** {@code ec2RoleDelivery}: the instance metadata service version that delivered credentials. */
  public @Nullable String ec2RoleDelivery() {
    return string(buf, spans[EC2_ROLE_DELIVERY]);
  }

  /** {@code assumedRoot}: whether the session is a privileged root session (as a string), or null. */
  public @Nullable String assumedRoot() {
    JsonValue v = value(spans[ASSUMED_ROOT]);
    return v == null ? null : v.asText();
  }

  /** The whole session context as JSON. */
  public JsonValue json() {
    return json;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionContext s && s.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json.toJson();
  }
}
