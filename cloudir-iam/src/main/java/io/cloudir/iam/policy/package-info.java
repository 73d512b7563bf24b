/**
 * The IAM policy language: a strict parser ({@link io.cloudir.iam.policy.Policy#parse(String)})
 * and an immutable model of policies, statements, principals and conditions.
 *
 * <p>Every type here is immutable and thread-safe.
 */
@NullMarked
package io.cloudir.iam.policy;

import org.jspecify.annotations.NullMarked;
