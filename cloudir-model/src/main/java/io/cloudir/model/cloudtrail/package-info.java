/**
 * CloudTrail events: {@link io.cloudir.model.cloudtrail.CloudTrailEvent} (immutable, lossless,
 * lazily decoded), its identity and session types, and the reusable
 * {@link io.cloudir.model.cloudtrail.CloudTrailCursor} for the hottest paths.
 */
@NullMarked
package io.cloudir.model.cloudtrail;

import org.jspecify.annotations.NullMarked;
