/**
 * Import of Sigma rules for AWS CloudTrail ({@code logsource.product: aws}) into the cloudir rule
 * model: {@link io.cloudir.rules.sigma.SigmaImporter}. Every imported rule carries the Sigma
 * rule's author, licence and a link to the original rule, so every finding made with it names
 * them (as the Detection Rule License requires).
 */
@NullMarked
package io.cloudir.rules.sigma;

import org.jspecify.annotations.NullMarked;
