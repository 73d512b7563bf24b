package io.cloudir.iam.eval;

import io.cloudir.iam.internal.eval.Ctx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to evaluate: principal, action, resource, the resource's account and the request
 * context. Compiled once when built (context values pre-parsed for every condition family, derived
 * keys filled in), so that {@link Evaluator#decide} does not allocate.
 *
 * <p>Derived keys, filled in unless the caller gives them: {@code aws:PrincipalArn} (for a role
 * session the role's ARN, without its path, which a session ARN does not carry), {@code
 * aws:PrincipalAccount}, {@code aws:PrincipalType} ({@code User}, {@code AssumedRole}, {@code
 * Account}, {@code FederatedUser}, {@code Anonymous}), {@code aws:username} (IAM users), {@code
 * aws:userid} (root: the account id; anonymous: {@code anonymous}), {@code
 * aws:PrincipalIsAWSService}, {@code aws:PrincipalServiceName} (service principals) and {@code
 * aws:ResourceAccount}. The resource's account is {@code resourceAccount} if given, else the ARN's
 * account, else (S3 ARNs have none) the principal's account.
 *
 * <p>Keys the caller does not give are absent from the request, as in AWS; with {@link
 * Builder#missingKeysUnknown(boolean)} they are unknown instead and the evaluator answers {@link
 * Decision#CONDITIONAL} when the decision depends on them.
 *
 * <p>Immutable and thread-safe.
 */
public final class Request {
  private final String principal;
  private final String action;
  private final String resource;
  private final @Nullable String resourceAccount;
  private final Map<String, List<String>> context;
  private final Ctx ctx;

  private Request(Builder b) {
    this.principal = Objects.requireNonNull(b.principal, "principal");
    this.action = Objects.requireNonNull(b.action, "action");
    this.resource = Objects.requireNonNull(b.resource, "resource");
    this.resourceAccount = b.resourceAccount;
    this.context = Map.copyOf(b.context);
    this.ctx = new Ctx(principal, action, resource, resourceAccount, b.context, b.missingKeysUnknown);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The principal: {@code anonymous}, an IAM/STS principal ARN or a service principal name. */
  public String principal() {
    return principal;
  }

  /** The action, such as {@code s3:GetObject}. */
  public String action() {
    return action;
  }

  /** The resource ARN. */
  public String resource() {
    return resource;
  }

  /** The resource's account as given, or null. */
  public @Nullable String resourceAccount() {
    return resourceAccount;
  }

  /** The resource's account as used (given, from the ARN, or the principal's); "" if unknown. */
  public String effectiveResourceAccount() {
    return ctx.resourceAccount();
  }

  /** The context keys as given by the caller. */
  public Map<String, List<String>> context() {
    return context;
  }

  /** The context as evaluated: the caller's keys plus derived keys. */
  public Map<String, List<String>> effectiveContext() {
    return ctx.visible();
  }

  Ctx ctx() {
    return ctx;
  }

  /** Builds {@link Request}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable String principal;
    private @Nullable String action;
    private @Nullable String resource;
    private @Nullable String resourceAccount;
    private final Map<String, List<String>> context = new LinkedHashMap<>();
    private boolean missingKeysUnknown;

    private Builder() {}

    /**
     * The principal.
     *
     * @param principal {@code anonymous}, a user/role/session/root/federated-user ARN, or a service
     *     principal such as {@code lambda.amazonaws.com}
     * @return this builder
     */
    public Builder principal(String principal) {
      this.principal = Objects.requireNonNull(principal);
      return this;
    }

    /**
     * The action.
     *
     * @param action {@code service:Name}
     * @return this builder
     */
    public Builder action(String action) {
      this.action = Objects.requireNonNull(action);
      return this;
    }

    /**
     * The resource.
     *
     * @param resource an ARN
     * @return this builder
     */
    public Builder resource(String resource) {
      this.resource = Objects.requireNonNull(resource);
      return this;
    }

    /**
     * The resource's account, when the ARN does not say (S3) or says otherwise.
     *
     * @param account a 12-digit account id, or null
     * @return this builder
     */
    public Builder resourceAccount(@Nullable String account) {
      this.resourceAccount = account;
      return this;
    }

    /**
     * A context key with its values (one value for single-valued keys; an empty list is a key
     * present with no values).
     *
     * @param key the key (any case)
     * @param values the values
     * @return this builder
     */
    public Builder context(String key, List<String> values) {
      context.put(Objects.requireNonNull(key), List.copyOf(values));
      return this;
    }

    /**
     * A single-valued context key.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder context(String key, String value) {
      return context(key, List.of(value));
    }

    /**
     * Whether keys not given are unknown (the answer may be {@link Decision#CONDITIONAL}) rather
     * than absent (the default, as in AWS).
     *
     * @param unknown true for unknown
     * @return this builder
     */
    public Builder missingKeysUnknown(boolean unknown) {
      this.missingKeysUnknown = unknown;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException for an invalid principal or action, or a key given twice
     *     (keys ignore case)
     * @throws NullPointerException if principal, action or resource is missing
     */
    public Request build() {
      return new Request(this);
    }
  }
}
