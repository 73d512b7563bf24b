/** Implementation of cloudir-aws: listing, fetching, retries, JSON writing. Not an API. */
@NullMarked
package io.cloudir.aws.internal;

import org.jspecify.annotations.NullMarked;
