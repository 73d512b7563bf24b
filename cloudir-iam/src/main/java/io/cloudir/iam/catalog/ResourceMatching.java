package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.Wildcard;

/** The preference order among resource types whose templates match the same ARN. */
final class ResourceMatching {
  private ResourceMatching() {}

  /**
   * Whether {@code a} is preferred to {@code b} for {@code arn}: more literal characters in the
   * template first; then a type of the service named in the ARN's service field; then more
   * variables; then the smaller (service, name) ignoring case, so the choice is deterministic.
   */
  static boolean better(ResourceTypeInfo a, ResourceTypeInfo b, String arn) {
    return compare(a, b, arnService(arn)) < 0;
  }

  /** Negative when {@code a} is preferred. */
  static int compare(ResourceTypeInfo a, ResourceTypeInfo b, String arnService) {
    int c = Integer.compare(b.compiled().specificity(), a.compiled().specificity());
    if (c != 0) {
      return c;
    }
    boolean ao = a.service().equals(arnService);
    boolean bo = b.service().equals(arnService);
    if (ao != bo) {
      return ao ? -1 : 1;
    }
    c = Integer.compare(b.compiled().variableCount(), a.compiled().variableCount());
    if (c != 0) {
      return c;
    }
    c = Wildcard.compareIgnoreCase(a.service(), b.service());
    return c != 0 ? c : Wildcard.compareIgnoreCase(a.name(), b.name());
  }

  /** The service field of an ARN ({@code arn:aws:s3:::b} gives {@code s3}), or "" when none. */
  static String arnService(String arn) {
    int a = arn.indexOf(':');
    int b = a < 0 ? -1 : arn.indexOf(':', a + 1);
    int c = b < 0 ? -1 : arn.indexOf(':', b + 1);
    return c < 0 ? "" : arn.substring(b + 1, c);
  }
}
