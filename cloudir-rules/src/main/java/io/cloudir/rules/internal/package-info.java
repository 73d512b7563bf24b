/** Implementation of cloudir-rules: field access, matchers, conditions, YAML reading. Not API. */
@NullMarked
package io.cloudir.rules.internal;

import org.jspecify.annotations.NullMarked;
