/** Elastic Load Balancing access log records: Application, Network and Classic load balancers. */
@NullMarked
package io.cloudir.model.elb;

import org.jspecify.annotations.NullMarked;
