/** Implementation of the OCSF and ECS writers: the JSON tree builder and the per-format mappers. */
@NullMarked
package io.cloudir.ocsf.internal;

import org.jspecify.annotations.NullMarked;
