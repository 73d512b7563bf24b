package io.cloudir.model.cloudtrail;

import io.cloudir.model.internal.json.IsoTime;
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
  private final JsonValue json;

  SessionContext(JsonValue json) {
    this.json = json;
  }

  /** A session context from a JSON object. */
  public static SessionContext of(JsonValue json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("sessionContext must be a JSON object");
    }
    return new SessionContext(json);
  }

  /** {@code attributes.creationDate}: when the credentials were issued, or null. */
  public @Nullable Instant creationDate() {
    JsonValue v = json.at("attributes.creationDate");
    String s = v == null ? null : v.stringOrNull();
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long n = IsoTime.parseNanos(b, 0, b.length);
    return n == IsoTime.INVALID ? null
        : Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  /** {@code attributes.mfaAuthenticated} (written as the string {@code "true"}), or null. */
  public @Nullable Boolean mfaAuthenticated() {
    JsonValue v = json.at("attributes.mfaAuthenticated");
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
    JsonValue v = json.get("sessionIssuer");
    return v == null || !v.isObject() ? null : new SessionIssuer(v);
  }

  /** {@code webIdFederationData} (web identity federation), or null. */
  public @Nullable JsonValue webIdFederationData() {
    JsonValue v = json.get("webIdFederationData");
    return v == null || v.isNull() ? null : v;
  }

  /** {@code sourceIdentity}: the identity the original caller set, carried through role chains. */
  public @Nullable String sourceIdentity() {
    return json.getString("sourceIdentity");
  }

  /** {@code ec2RoleDelivery}: the instance metadata service version that delivered credentials. */
  public @Nullable String ec2RoleDelivery() {
    return json.getString("ec2RoleDelivery");
  }

  /** {@code assumedRoot}: whether the session is a privileged root session (as a string), or null. */
  public @Nullable String assumedRoot() {
    JsonValue v = json.get("assumedRoot");
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
