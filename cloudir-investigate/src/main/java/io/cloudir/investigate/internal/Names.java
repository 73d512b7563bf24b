package io.cloudir.investigate.internal;

import org.jspecify.annotations.Nullable;

/**
 * Small, allocation-light checks on AWS names.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {
  private Names() {}

  /** Whether {@code s} is an EC2 instance id: {@code i-} then 8 or 17 lower-case hex digits. */
  public static boolean isInstanceId(@Nullable String s) {
    if (s == null || (s.length() != 10 && s.length() != 19) || !s.startsWith("i-")) {
      return false;
    }
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The service of a service-linked role ARN ({@code …:role/aws-service-role/SERVICE/NAME} →
   * {@code SERVICE}), or null.
   */
  public static @Nullable String serviceOfLinkedRole(@Nullable String roleArn) {
    if (roleArn == null) {
      return null;
    }
    int i = roleArn.indexOf(":role/aws-service-role/");
    if (i < 0) {
      return null;
    }
    int s = i + ":role/aws-service-role/".length();
    int j = roleArn.indexOf('/', s);
    return j <= s ? null : roleArn.substring(s, j);
  }

  /** The role name (last path segment) of a role ARN, or null. */
  public static @Nullable String roleName(@Nullable String roleArn) {
    if (roleArn == null) {
      return null;
    }
    int i = roleArn.indexOf(":role/");
    if (i < 0) {
      return null;
    }
    int j = roleArn.lastIndexOf('/');
    return roleArn.substring(j + 1);
  }

  /** The account of an ARN (fifth field), or null. */
  public static @Nullable String accountOfArn(@Nullable String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int p = 0;
    for (int n = 0; n < 4; n++) {
      p = arn.indexOf(':', p) + 1;
      if (p == 0) {
        return null;
      }
    }
    int e = arn.indexOf(':', p);
    return e <= p ? null : arn.substring(p, e);
  }

  /**
   * The permission set name of an Identity Center role name ({@code
   * AWSReservedSSO_NAME_0123456789abcdef} → {@code NAME}), or null for other roles.
   */
  public static @Nullable String permissionSetOf(@Nullable String roleName) {
    if (roleName == null || !roleName.startsWith("AWSReservedSSO_")) {
      return null;
    }
    String rest = roleName.substring("AWSReservedSSO_".length());
    int u = rest.lastIndexOf('_');
    return u <= 0 ? rest : rest.substring(0, u);
  }
}
