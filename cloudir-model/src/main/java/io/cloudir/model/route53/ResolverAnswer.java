package io.cloudir.model.route53;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a Resolver query log's {@code answers}: {@code {"Rdata", "Type", "Class"}}. A part
 * is null when the logged object lacks it; a part of another JSON type is given as its JSON text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rdata the record data (an address, a name…)
 * @param type the record type, e.g. {@code A}, {@code CNAME}
 * @param dnsClass the class, e.g. {@code IN}
 */
public record ResolverAnswer(@Nullable String rdata, @Nullable String type, @Nullable String dnsClass) {}
