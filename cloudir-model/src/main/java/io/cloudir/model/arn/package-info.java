/**
 * The ARN algebra: {@link io.cloudir.model.arn.Arn} (parse, validate, split the resource part the
 * way each service does) and {@link io.cloudir.model.arn.ArnPattern} (IAM {@code Resource}
 * wildcards and policy variables, with {@code matches}, {@code covers} and {@code intersects}).
 *
 * <p>Every public type of this package is immutable and thread-safe unless its Javadoc says
 * otherwise.
 */
@NullMarked
package io.cloudir.model.arn;

import org.jspecify.annotations.NullMarked;
