/** Amazon S3 server access log records. */
@NullMarked
package io.cloudir.model.s3;

import org.jspecify.annotations.NullMarked;
