/**
 * Investigation API: {@link io.cloudir.investigate.Attributor} resolves every CloudTrail call to
 * the identity at the origin of its credentials; {@link io.cloudir.investigate.Deduplicator} and
 * {@link io.cloudir.investigate.RecordOrder} count every event once and order records of all
 * sources; {@link io.cloudir.investigate.Entities} and {@link io.cloudir.investigate.Timeline}
 * answer "who did what, from where, to what".
 */
@NullMarked
package io.cloudir.investigate;

import org.jspecify.annotations.NullMarked;
