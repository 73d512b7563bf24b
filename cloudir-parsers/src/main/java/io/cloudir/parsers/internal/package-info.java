/** Implementation of the readers. Not an API. */
@NullMarked
package io.cloudir.parsers.internal;

import org.jspecify.annotations.NullMarked;
