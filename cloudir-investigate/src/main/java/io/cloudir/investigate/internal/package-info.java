/** Implementation of cloudir-investigate; not an API. */
@NullMarked
package io.cloudir.investigate.internal;

import org.jspecify.annotations.NullMarked;
