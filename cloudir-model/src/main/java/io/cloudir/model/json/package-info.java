/** A lazily decoded, immutable view of JSON held as UTF-8 bytes. */
@NullMarked
package io.cloudir.model.json;

import org.jspecify.annotations.NullMarked;
