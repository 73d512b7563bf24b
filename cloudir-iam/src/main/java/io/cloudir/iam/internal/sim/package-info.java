/**
 * Simulation cases in the format of {@code cloudir iam simulate} (and of the differential test
 * oracle): reading a case, running it, writing the result line. Not API; shared with the CLI.
 */
@NullMarked
package io.cloudir.iam.internal.sim;

import org.jspecify.annotations.NullMarked;
