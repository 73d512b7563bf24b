/**
 * VPC flow logs (and Transit Gateway flow logs): {@link io.cloudir.model.vpcflow.FlowLogRecord},
 * the field catalogue, record formats and the open vocabularies of the format.
 */
@NullMarked
package io.cloudir.model.vpcflow;

import org.jspecify.annotations.NullMarked;
