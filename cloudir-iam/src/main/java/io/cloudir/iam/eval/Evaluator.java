package io.cloudir.iam.eval;

import io.cloudir.iam.internal.eval.CPolicy;
import io.cloudir.iam.internal.eval.Engine;
import io.cloudir.iam.internal.eval.Explainer;
import io.cloudir.iam.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides requests against one set of policies, following AWS's documented policy evaluation logic
 * (IAM User Guide, "Policy evaluation logic" and its pages "How AWS enforcement code logic evaluates
 * requests to allow or deny access", "Policy evaluation for requests within a single account" and
 * "Cross-account policy evaluation logic"):
 *
 * <ol>
 *   <li>an explicit {@code Deny} in any applicable policy denies;
 *   <li>SCPs (principals of the account; not service-linked roles) must allow at every level, root
 *       first; RCPs apply to resources of the services that support them, with {@code
 *       RCPFullAWSAccess} implicitly attached at every level (so only their denies matter); every
 *       VPC endpoint policy must allow;
 *   <li>within one account, the identity-based policies or the resource-based policy may allow; a
 *       resource-based allow naming the IAM user, the role session or everyone ({@code *}) is final,
 *       while one naming the role's ARN still needs the permissions boundary and session policy to
 *       allow, and one naming only the account delegates to the identity-based policies;
 *       identity-based allows need the boundary and session policy to allow;
 *   <li>across accounts, both the identity side and the resource-based policy must allow;
 *   <li>KMS key policies and role trust policies ({@code sts:AssumeRole*}) must allow even within
 *       the account;
 *   <li>anonymous requests and service principals are allowed only by resource-based policies;
 *       {@code sts:GetCallerIdentity} is always allowed to authenticated callers.
 * </ol>
 *
 * <p>Policies are compiled once, when the evaluator is built. {@link #decide} does not allocate
 * (per-thread scratch memory is reused); {@link #explain} records every statement evaluated.
 *
 * <p>Immutable and thread-safe.
 */
public final class Evaluator {
  private final Engine engine;

  private Evaluator(Engine engine) {
    this.engine = engine;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decision, without explanation. Allocation-free.
   *
   * @param request the request
   * @return the decision
   */
  public Decision decide(Request request) {
    return Explainer.decision(Engine.decision(engine.evaluate(request.ctx(), null)));
  }

  /**
   * The decision with the deciding layer and an explanation of every statement evaluated.
   *
   * @param request the request
   * @return the result
   */
  public Result explain(Request request) {
    return Explainer.explain(engine, request.ctx());
  }

  /** Builds {@link Evaluator}s. Not thread-safe. */
  public static final class Builder {
    private final List<CPolicy> identity = new ArrayList<>();
    private @Nullable CPolicy resource;
    private final List<CPolicy> boundaries = new ArrayList<>();
    private @Nullable CPolicy session;
    private final List<List<CPolicy>> scps = new ArrayList<>();
    private final List<List<CPolicy>> rcps = new ArrayList<>();
    private final List<CPolicy> vpce = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an identity-based policy (attached or inline, of the user, its groups, or the role).
     *
     * @param name its name in explanations
     * @param policy the policy
     * @return this builder
     */
    public Builder identityPolicy(String name, Policy policy) {
      identity.add(new CPolicy(name, policy));
      return this;
    }

    /**
     * Sets the resource-based policy of the resource.
     *
     * @param policy the policy, or null for none
     * @return this builder
     */
    public Builder resourcePolicy(@Nullable Policy policy) {
      resource = policy == null ? null : new CPolicy("resource", policy);
      return this;
    }

    /**
     * Adds a permissions boundary policy (several are combined: any may allow, any may deny).
     *
     * @param name its name in explanations
     * @param policy the policy
     * @return this builder
     */
    public Builder permissionBoundary(String name, Policy policy) {
      boundaries.add(new CPolicy(name, policy));
      return this;
    }

    /**
     * Sets the session policy.
     *
     * @param policy the policy, or null for none
     * @return this builder
     */
    public Builder sessionPolicy(@Nullable Policy policy) {
      session = policy == null ? null : new CPolicy("session", policy);
      return this;
    }

    /**
     * Adds the next SCP level (root first, then each OU, then the account).
     *
     * @param policies the SCPs attached at that level
     * @return this builder
     */
    public Builder scpLevel(List<Policy> policies) {
      scps.add(compile("scp" + scps.size() + "-", policies));
      return this;
    }

    /**
     * Adds the next RCP level (root first); {@code RCPFullAWSAccess} is implicit at every level.
     *
     * @param policies the RCPs attached at that level
     * @return this builder
     */
    public Builder rcpLevel(List<Policy> policies) {
      rcps.add(compile("rcp" + rcps.size() + "-", policies));
      return this;
    }

    /**
     * Adds a VPC endpoint policy the request passes through (each must allow).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder vpcEndpointPolicy(Policy policy) {
      vpce.add(new CPolicy("vpce" + vpce.size(), policy));
      return this;
    }

    private static List<CPolicy> compile(String prefix, List<Policy> policies) {
      List<CPolicy> out = new ArrayList<>();
      for (int i = 0; i < policies.size(); i++) {
        out.add(new CPolicy(prefix + i, Objects.requireNonNull(policies.get(i))));
      }
      return out;
    }

    /**
     * Builds the evaluator.
     *
     * @return the evaluator
     */
    public Evaluator build() {
      return new Evaluator(new Engine(identity, resource, boundaries, session, scps, rcps, vpce));
    }
  }
}
