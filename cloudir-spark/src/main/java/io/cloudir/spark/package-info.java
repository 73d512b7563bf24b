/**
 * cloudir on Apache Spark: the {@code cloudir} data source ({@code
 * spark.read().format("cloudir")}) and {@link io.cloudir.spark.SparkHunt}, the distributed hunt
 * that makes the findings {@code cloudir hunt} makes on one machine.
 */
@NullMarked
package io.cloudir.spark;

import org.jspecify.annotations.NullMarked;
