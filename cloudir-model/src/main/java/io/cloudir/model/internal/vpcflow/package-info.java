/** Reader access to the package-private indexing of the flow log model. Not API. */
@NullMarked
package io.cloudir.model.internal.vpcflow;

import org.jspecify.annotations.NullMarked;
