/**
 * Implementation of the action catalog: the reader of the bundled catalog resource, the IAM
 * wildcard matcher, ARN template and condition key template matchers, and the reader of the
 * CloudTrail event table. Not exported.
 */
@NullMarked
package io.cloudir.iam.internal.catalog;

import org.jspecify.annotations.NullMarked;
