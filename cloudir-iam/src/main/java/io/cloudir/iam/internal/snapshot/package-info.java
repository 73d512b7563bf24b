/** Implementation of account snapshots: readers, the data model, the queries and the replay. */
@NullMarked
package io.cloudir.iam.internal.snapshot;

import org.jspecify.annotations.NullMarked;
