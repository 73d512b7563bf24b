/**
 * Offline verification of CloudTrail log file integrity: the digest file model ({@link
 * io.cloudir.parsers.digest.DigestFile}), the public keys that {@code aws cloudtrail
 * list-public-keys} prints ({@link io.cloudir.parsers.digest.PublicKeys}), the S3 object metadata
 * that carries a digest's signature ({@link io.cloudir.parsers.digest.DigestMetadata}), and the
 * {@link io.cloudir.parsers.digest.DigestVerifier} that checks signatures, log file hashes and the
 * previous-digest chain of a folder of evidence. JDK cryptography only.
 */
@NullMarked
package io.cloudir.parsers.digest;

import org.jspecify.annotations.NullMarked;
