/**
 * IP and account enrichment from data the caller brings: {@link
 * io.cloudir.investigate.enrich.MaxMindDb} reads MaxMind-DB-format files (GeoLite2/GeoIP2, DB-IP,
 * ip-location-db), {@link io.cloudir.investigate.enrich.AsnRanges} reads
 * {@code first_ip,last_ip,asn,"organisation"} range files, {@link
 * io.cloudir.investigate.enrich.AwsIpRanges} reads AWS {@code ip-ranges.json}, {@link
 * io.cloudir.investigate.enrich.KnownAccounts} reads a list of known AWS accounts, and {@link
 * io.cloudir.investigate.enrich.CompositeIpEnricher} combines them into one {@link
 * io.cloudir.investigate.IpEnricher}. {@link io.cloudir.investigate.enrich.Geo} measures distances
 * for impossible-travel checks.
 *
 * <p>Nothing here touches the network and no database is shipped: every reader is written for
 * this project (no third-party runtime dependency) and rejects corrupt input with a {@link
 * io.cloudir.model.MalformedInputException} that says where.
 */
@NullMarked
package io.cloudir.investigate.enrich;

import org.jspecify.annotations.NullMarked;
