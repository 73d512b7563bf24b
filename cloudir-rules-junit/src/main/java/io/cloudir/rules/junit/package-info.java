/**
 * Test rules with JUnit 5: {@link io.cloudir.rules.junit.RuleTests} on a method runs each
 * embedded rule test as a JUnit test named after the rule and the test; {@link
 * io.cloudir.rules.junit.RuleCase#dynamicTests} does the same for a {@code @TestFactory}.
 */
@NullMarked
package io.cloudir.rules.junit;

import org.jspecify.annotations.NullMarked;
