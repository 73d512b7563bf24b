/** Implementation of the Sigma importer: the safe YAML walk and the translation of modifiers. */
@NullMarked
package io.cloudir.rules.sigma.internal;

import org.jspecify.annotations.NullMarked;
