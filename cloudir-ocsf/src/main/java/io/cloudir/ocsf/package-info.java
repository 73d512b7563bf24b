/**
 * OCSF and ECS writers: {@link io.cloudir.ocsf.OcsfWriter} and {@link io.cloudir.ocsf.EcsWriter}.
 */
@NullMarked
package io.cloudir.ocsf;

import org.jspecify.annotations.NullMarked;
