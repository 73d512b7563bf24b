/** Implementation details of cloudir-model. Not an API. */
@NullMarked
package io.cloudir.model.internal;

import org.jspecify.annotations.NullMarked;
