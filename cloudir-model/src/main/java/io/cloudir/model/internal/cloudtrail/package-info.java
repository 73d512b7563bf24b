/** Reader access to CloudTrail indexing. Not an API. */
@NullMarked
package io.cloudir.model.internal.cloudtrail;

import org.jspecify.annotations.NullMarked;
