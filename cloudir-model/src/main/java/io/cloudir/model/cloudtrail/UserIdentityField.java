package io.cloudir.model.cloudtrail;

/** The documented fields of a CloudTrail {@code userIdentity}, with their JSON names. */
public enum UserIdentityField {
  /** {@code type}. */
  TYPE("type"),
  /** {@code principalId}. */
  PRINCIPAL_ID("principalId"),
  /** {@code arn}. */
  ARN("arn"),
  /** {@code accountId}. */
  ACCOUNT_ID("accountId"),
  /** {@code accessKeyId}. */
  ACCESS_KEY_ID("accessKeyId"),
  /** {@code userName}. */
  USER_NAME("userName"),
  /** {@code invokedBy}. */
  INVOKED_BY("invokedBy"),
  /** {@code identityProvider}. */
  IDENTITY_PROVIDER("identityProvider"),
  /** {@code credentialId}. */
  CREDENTIAL_ID("credentialId"),
  /** {@code onBehalfOf}. */
  ON_BEHALF_OF("onBehalfOf"),
  /** {@code inScopeOf}. */
  IN_SCOPE_OF("inScopeOf"),
  /** {@code sessionContext}. */
  SESSION_CONTEXT("sessionContext");

  private final String jsonName;

  UserIdentityField(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The member name in the identity's JSON. */
  public String jsonName() {
    return jsonName;
  }
}
