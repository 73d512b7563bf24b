/** The commands of the {@code cloudir} command line (picocli). Not an API. */
@NullMarked
package io.cloudir.cli.internal;

import org.jspecify.annotations.NullMarked;
