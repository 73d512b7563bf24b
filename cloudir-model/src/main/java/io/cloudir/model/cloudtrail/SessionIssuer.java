package io.cloudir.model.cloudtrail;

import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * {@code sessionContext.sessionIssuer}: the role (or user, for federation tokens) whose
 * credentials minted the session.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionIssuer {
  private final JsonValue json;

  SessionIssuer(JsonValue json) {
    this.json = json;
  }

  /** {@code type}, e.g. {@code Role}. */
  public @Nullable String type() {
    return json.getString("type");
  }

  /** {@code principalId}. */
  public @Nullable String principalId() {
    return json.getString("principalId");
  }

  /** {@code arn}: the role ARN including its path. */
  public @Nullable String arn() {
    return json.getString("arn");
  }

  /** {@code accountId}. */
  public @Nullable String accountId() {
    return json.getString("accountId");
  }

  /** {@code userName}: the role or user name. */
  public @Nullable String userName() {
    return json.getString("userName");
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
