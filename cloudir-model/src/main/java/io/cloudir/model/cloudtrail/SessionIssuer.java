package io.cloudir.model.cloudtrail;

import io.cloudir.model.internal.json.ByteNames;
import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * {@code sessionContext.sessionIssuer}: the role (or user, for federation tokens) whose
 * credentials minted the session.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionIssuer {
  /** The members indexed (with the session context's, in its pass). */
  static final ByteNames NAMES =
      new ByteNames("type", "principalId", "arn", "accountId", "userName");
  static final int NAMES_COUNT = 5;

  private final JsonValue json;
  private final byte[] buf;
  /** Where the values of {@link #NAMES} are in {@code buf}; never modified. */
  private final long[] spans;

  /** A view of the validated object {@code json} in {@code buf}, its members already indexed. */
  SessionIssuer(JsonValue json, byte[] buf, long[] spans) {
    this.json = json;
    this.buf = buf;
    this.spans = spans;
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
