/** Byte-level helpers shared by the space-delimited text log records (S3 access, load balancers). */
@NullMarked
package io.cloudir.model.internal.text;

import org.jspecify.annotations.NullMarked;
