/**
 * AWS WAF logs: {@link io.cloudir.model.waf.WafLogRecord} and its typed parts.
 */
@NullMarked
package io.cloudir.model.waf;

import org.jspecify.annotations.NullMarked;
