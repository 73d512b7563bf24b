/** Implementation of digest verification. Not an API. */
@NullMarked
package io.cloudir.parsers.internal.digest;

import org.jspecify.annotations.NullMarked;
