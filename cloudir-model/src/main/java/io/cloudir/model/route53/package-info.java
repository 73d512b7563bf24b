/** Route 53 query logs: public hosted zones and Resolver. */
@NullMarked
package io.cloudir.model.route53;

import org.jspecify.annotations.NullMarked;
