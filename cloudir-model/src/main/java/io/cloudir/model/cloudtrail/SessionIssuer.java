package io.cloudir.model.cloudtrail;

import io.cloudir.model.internal.json.ByteNames;
import io.cloudir.model.internal.json.MemberSpans;
import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * {@code sessionContext.sessionIssuer}: the role (or user, for federation tokens) whose
 * credentials minted the session.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionIssuer {
  private static final ByteNames NAMES =
      new ByteNames("type", "principalId", "arn", "accountId", "userName");

  private final JsonValue json;
  private final byte[] buf;
  /** Where the values of {@link #NAMES} are, indexed in one pass. */
  private final long[] spans = new long[5];

  /** A view of the validated object at {@code buf[start]}, which {@code json} is. */
  SessionIssuer(JsonValue json, byte[] buf, int start) {
    this.json = json;
    this.buf = buf;
    MemberSpans.index(buf, start, NAMES, spans);
  }

  /** {@code type}, e.g. {@code Role}. */
  public @Nullable String type() {
    return SessionContext.string(buf, spans[0]);
  }

  /** {@code principalId}. */
  public @Nullable String principalId() {
    return SessionContext.string(buf, spans[1]);
  }

  /** {@code arn}: the role ARN including its path. */
  public @Nullable String arn() {
    return SessionContext.string(buf, spans[2]);
  }

  /** {@code accountId}. */
  public @Nullable String accountId() {
    return SessionContext.string(buf, spans[3]);
  }

  /** {@code userName}: the role or user name. */
  public @Nullable String userName() {
    return SessionContext.string(buf, spans[4]);
  }

  /** The whole issuer as JSON. */
  public JsonValue json() {
    return json;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionIssuer s && s.json.equals(json);
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
