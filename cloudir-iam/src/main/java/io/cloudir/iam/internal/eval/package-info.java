/**
 * The compiled form of policies and the evaluation engine behind {@code io.cloudir.iam.eval}. Not
 * API.
 */
@NullMarked
package io.cloudir.iam.internal.eval;

import org.jspecify.annotations.NullMarked;
