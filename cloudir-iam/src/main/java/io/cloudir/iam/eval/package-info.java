/**
 * Offline IAM policy evaluation following AWS's documented logic: {@link
 * io.cloudir.iam.eval.Evaluator} holds the compiled policies of one principal/resource situation
 * (identity, resource-based, permissions boundaries, session, SCP and RCP levels, VPC endpoint
 * policies) and decides {@link io.cloudir.iam.eval.Request}s, either on the allocation-free decision
 * path ({@link io.cloudir.iam.eval.Evaluator#decide}) or with an explanation ({@link
 * io.cloudir.iam.eval.Evaluator#explain}).
 *
 * <p>Every type here is immutable and thread-safe, except the builders.
 */
@NullMarked
package io.cloudir.iam.eval;

import org.jspecify.annotations.NullMarked;
