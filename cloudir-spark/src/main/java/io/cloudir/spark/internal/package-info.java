/** Implementation of the Spark data source and of the distributed hunt. */
@NullMarked
package io.cloudir.spark.internal;

import org.jspecify.annotations.NullMarked;
