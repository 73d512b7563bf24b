/**
 * Readers for AWS log formats: pull ({@link io.cloudir.parsers.LogReader}), push ({@link
 * io.cloudir.parsers.PushReader}) and the allocation-free cursor ({@link
 * io.cloudir.parsers.CloudTrailCursorReader}), with limits, rejections and statistics.
 */
@NullMarked
package io.cloudir.parsers;

import org.jspecify.annotations.NullMarked;
