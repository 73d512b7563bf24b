/**
 * Detection rules: {@link io.cloudir.rules.Rule} (built with the fluent API or loaded from YAML by
 * {@link io.cloudir.rules.RuleLoader}), compiled into an {@link io.cloudir.rules.Engine} whose
 * {@link io.cloudir.rules.Session}s turn records into {@link io.cloudir.rules.Finding}s, and
 * {@link io.cloudir.rules.RuleTester} which runs the tests embedded in rules.
 */
@NullMarked
package io.cloudir.rules;

import org.jspecify.annotations.NullMarked;
