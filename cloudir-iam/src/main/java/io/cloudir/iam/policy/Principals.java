package io.cloudir.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: {@code "*"} ({@link
 * #wildcard()}), or lists of values by type ({@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}). {@code {"AWS": "*"}} is kept as an AWS value {@code *}.
 *
 * @param wildcard whether the element is the string {@code "*"}
 * @param aws AWS account ids, account root ARNs, user/role/session ARNs or {@code *}
 * @param service service principals ({@code lambda.amazonaws.com})
 * @param federated identity providers (SAML/OIDC provider ARNs or names such as {@code
 *     accounts.google.com})
 * @param canonicalUser canonical user ids
 *     <p>Immutable and thread-safe.
 */
public record Principals(
    boolean wildcard,
    List<String> aws,
    List<String> service,
    List<String> federated,
    List<String> canonicalUser) {

  /** Copies the lists. */
  public Principals {
    aws = List.copyOf(aws);
    service = List.copyOf(service);
    federated = List.copyOf(federated);
    canonicalUser = List.copyOf(canonicalUser);
  }

  /** The {@code "*"} principal. */
  public static Principals any() {
    return new Principals(true, List.of(), List.of(), List.of(), List.of());
  }

  /** Whether this names every principal ({@code "*"} or an AWS value {@code *}). */
  public boolean matchesEveryone() {
    return wildcard || aws.contains("*");
  }

  /**
   * AWS principals only.
   *
   * @param aws the AWS values
   * @return the principals
   */
  public static Principals ofAws(List<String> aws) {
    return new Principals(false, Objects.requireNonNull(aws), List.of(), List.of(), List.of());
  }
}
