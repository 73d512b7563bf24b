/** Byte-level JSON scanning shared by cloudir's readers. Not an API. */
@NullMarked
package io.cloudir.model.internal.json;

import org.jspecify.annotations.NullMarked;
