package io.cloudir.model.cloudtrail;

import io.cloudir.model.internal.json.Canonical;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.MemberSpans;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code userIdentity} of a CloudTrail event: who made the call, with the helpers an
 * investigator needs ({@link #actingPrincipal()}, {@link #mfaUsed()}, {@link #isLongTermKey()},
 * {@link #keyAccountId()}).
 *
 * <p>A view on the event's bytes; fields AWS adds later stay reachable through {@link #json()}.
 *
 * <p>Immutable and thread-safe when obtained from a {@link CloudTrailEvent}, {@link #of} or a
 * builder. One obtained from a {@link CloudTrailCursor} is a view of the cursor's reusable bytes
 * and follows the cursor's lifetime rule.
 */
public final class UserIdentity {
  private final byte[] buf;
  private final int start;
  private final int end;
  private final long[] spans;
  private final int escMask;

  UserIdentity(byte[] buf, int start, int end, long[] spans, int escMask) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.spans = spans;
    this.escMask = escMask;
  }

  /**
   * A user identity from a JSON object.
   *
   * @throws IllegalArgumentException if the value is not an object
   */
  public static UserIdentity of(JsonValue json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("userIdentity must be a JSON object: " + json);
    }
    byte[] b = json.rawBytes();
    long[] spans = new long[UserIdentityField.values().length];
    MemberSpans.index(b, 0, CloudTrailView.UI_NAMES, spans);
    int esc = MemberSpans.escapes(b, spans);
    return new UserIdentity(b, 0, b.length, spans, esc);
  }

  /** A builder for tests. */
  public static Builder builder() {
    return new Builder();
  }

  private @Nullable String text(UserIdentityField f, boolean canonical) {
    long sp = spans[f.ordinal()];
    if (sp == 0) {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] == 'n') {
      return null;
    }
    if (buf[s] != '"') {
      return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }
    if ((escMask & (1 << f.ordinal())) != 0) {
      return JsonStrings.decode(buf, s + 1, e - 1);
    }
    return canonical ? Canonical.of(buf, s + 1, e - 1)
        : new String(buf, s + 1, e - s - 2, StandardCharsets.UTF_8);
  }

  private @Nullable JsonValue value(UserIdentityField f) {
    long sp = spans[f.ordinal()];
    if (sp == 0 || buf[(int) (sp >>> 32)] == 'n') {
      return null;
    }
    return JsonValue.ofValidated(buf, (int) (sp >>> 32), (int) sp);
  }

  /** {@code type}, or null if absent. */
  public @Nullable IdentityType type() {
    String t = text(UserIdentityField.TYPE, true);
    return t == null ? null : IdentityType.of(t);
  }

  /** {@code principalId}. */
  public @Nullable String principalId() {
    return text(UserIdentityField.PRINCIPAL_ID, false);
  }

  /** {@code arn}. */
  public @Nullable String arn() {
    return text(UserIdentityField.ARN, false);
  }

  /** {@code accountId}. */
  public @Nullable String accountId() {
    return text(UserIdentityField.ACCOUNT_ID, true);
  }

  /** {@code accessKeyId}. */
  public @Nullable String accessKeyId() {
    return text(UserIdentityField.ACCESS_KEY_ID, false);
  }

  /** {@code userName}. */
  public @Nullable String userName() {
    return text(UserIdentityField.USER_NAME, false);
  }

  /** {@code invokedBy}: the service that made the call on the principal's behalf. */
  public @Nullable String invokedBy() {
    return text(UserIdentityField.INVOKED_BY, true);
  }

  /** {@code identityProvider} (SAML or web identity federation). */
  public @Nullable String identityProvider() {
    return text(UserIdentityField.IDENTITY_PROVIDER, false);
  }

  /** {@code credentialId} (IAM Identity Center bearer tokens). */
  public @Nullable String credentialId() {
    return text(UserIdentityField.CREDENTIAL_ID, false);
  }

  /** {@code onBehalfOf} (IAM Identity Center: userId and identityStoreArn), or null. */
  public @Nullable JsonValue onBehalfOf() {
    return value(UserIdentityField.ON_BEHALF_OF);
  }

  /** {@code inScopeOf} (service calls made in the scope of a resource), or null. */
  public @Nullable JsonValue inScopeOf() {
    return value(UserIdentityField.IN_SCOPE_OF);
  }

  /** {@code sessionContext}, or null. */
  public @Nullable SessionContext sessionContext() {
    long sp = spans[UserIdentityField.SESSION_CONTEXT.ordinal()];
    if (sp == 0 || buf[(int) (sp >>> 32)] != '{') {
      return null;
    }
    int s = (int) (sp >>> 32);
    return new SessionContext(JsonValue.ofValidated(buf, s, (int) sp), buf, s);
  }

  /** The whole identity as JSON (lossless: unknown fields included). */
  public JsonValue json() {
    return JsonValue.ofValidated(buf, start, end);
  }

  /** Whether the access key is long-term ({@code AKIA…}: an IAM user's or root's key). */
  public boolean isLongTermKey() {
    String k = accessKeyId();
    return k != null && k.startsWith("AKIA");
  }

  /** Whether the access key is temporary ({@code ASIA…}: minted by STS). */
  public boolean isTemporaryKey() {
    String k = accessKeyId();
    return k != null && k.startsWith("ASIA");
  }

  /**
   * The AWS account that owns the access key, decoded from the key id itself (works for {@code
   * AKIA} and {@code ASIA} keys of the current format), or null when there is no decodable key.
   */
  public @Nullable String keyAccountId() {
    String k = accessKeyId();
    return k == null ? null : AccessKeys.accountOf(k);
  }

  /**
   * Whether MFA was used: {@code sessionContext.attributes.mfaAuthenticated}, or null when the
   * event does not say.
   */
  public @Nullable Boolean mfaUsed() {
    SessionContext sc = sessionContext();
    return sc == null ? null : sc.mfaAuthenticated();
  }

  /**
   * The acting principal's stable identity: for an assumed role the <em>role</em> ARN (from the
   * session issuer, or derived from the {@code assumed-role} ARN) rather than the session; for
   * anything else its ARN; for a service its {@code invokedBy} name. Null when nothing identifies
   * it.
   */
  public @Nullable String actingPrincipal() {
    IdentityType t = type();
    if (IdentityType.ASSUMED_ROLE.equals(t)) {
      SessionContext sc = sessionContext();
      if (sc != null) {
        SessionIssuer si = sc.sessionIssuer();
        if (si != null && si.arn() != null) {
          return si.arn();
        }
      }
      String arn = arn();
      if (arn != null) {
        String role = roleArnOfSession(arn);
        return role != null ? role : arn;
      }
    }
    String arn = arn();
    if (arn != null) {
      return arn;
    }
    if (IdentityType.AWS_SERVICE.equals(t)) {
      return invokedBy();
    }
    return principalId();
  }

  /**
   * The session name of an assumed-role identity ({@code arn:aws:sts::1:assumed-role/Role/NAME} →
   * {@code NAME}), or null for other identities.
   */
  public @Nullable String sessionName() {
    String arn = arn();
    if (arn == null) {
      return null;
    }
    int i = arn.indexOf(":assumed-role/");
    if (i < 0) {
      return null;
    }
    int j = arn.indexOf('/', i + ":assumed-role/".length());
    return j < 0 ? null : arn.substring(j + 1);
  }

  /**
   * The IAM role ARN of an STS assumed-role session ARN, or null. (The role's path is not in the
   * session ARN; the session issuer's ARN has it.)
   */
  public static @Nullable String roleArnOfSession(String sessionArn) {
    if (!sessionArn.startsWith("arn:")) {
      return null;
    }
    String[] parts = sessionArn.split(":", 6);
    if (parts.length < 6 || !parts[2].equals("sts") || !parts[5].startsWith("assumed-role/")) {
      return null;
    }
    String rest = parts[5].substring("assumed-role/".length());
    int slash = rest.indexOf('/');
    String role = slash < 0 ? rest : rest.substring(0, slash);
    if (role.isEmpty() || parts[1].isEmpty() || parts[4].isEmpty()) {
      return null;
    }
    return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UserIdentity u && u.json().equals(json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  @Override
  public String toString() {
    return json().toJson();
  }

  /** Builds identities for tests. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> members = new LinkedHashMap<>();

    Builder() {}

    private Builder put(String name, @Nullable String value) {
      if (value == null) {
        members.remove(name);
      } else {
        members.put(name, JsonStrings.quote(value));
      }
      return this;
    }

    /** Sets {@code type}. */
    public Builder type(@Nullable IdentityType t) {
      return put("type", t == null ? null : t.value());
    }

    /** Sets {@code principalId}. */
    public Builder principalId(@Nullable String v) {
      return put("principalId", v);
    }

    /** Sets {@code arn}. */
    public Builder arn(@Nullable String v) {
      return put("arn", v);
    }

    /** Sets {@code accountId}. */
    public Builder accountId(@Nullable String v) {
      return put("accountId", v);
    }

    /** Sets {@code accessKeyId}. */
    public Builder accessKeyId(@Nullable String v) {
      return put("accessKeyId", v);
    }

    /** Sets {@code userName}. */
    public Builder userName(@Nullable String v) {
      return put("userName", v);
    }

    /** Sets {@code invokedBy}. */
    public Builder invokedBy(@Nullable String v) {
      return put("invokedBy", v);
    }

    /** Sets {@code sessionContext} from JSON text. */
    public Builder sessionContext(@Nullable String json) {
      if (json == null) {
        members.remove("sessionContext");
      } else {
        members.put("sessionContext", JsonValue.parse(json).toJson());
      }
      return this;
    }

    /** Sets any member to raw JSON text. */
    public Builder raw(String name, String json) {
      members.put(name, JsonValue.parse(json).toJson());
      return this;
    }

    /** The identity. */
    public UserIdentity build() {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<String, String> e : members.entrySet()) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        JsonStrings.quote(sb, e.getKey()).append(':').append(e.getValue());
      }
      return of(JsonValue.parse(sb.append('}').toString()));
    }
  }

}
