/** Implementation of the enrichment readers (MaxMind DB decoder, range tables, CSV lines). */
@NullMarked
package io.cloudir.investigate.internal.enrich;

import org.jspecify.annotations.NullMarked;
