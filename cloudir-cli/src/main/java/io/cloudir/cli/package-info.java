/** The entry point of the {@code cloudir} command line: {@link io.cloudir.cli.Main}. */
@NullMarked
package io.cloudir.cli;

import org.jspecify.annotations.NullMarked;
