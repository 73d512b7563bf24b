package io.cloudir.parsers.digest;

import io.cloudir.parsers.internal.digest.RsaKeys;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One CloudTrail public key, as {@code ListPublicKeys} returns it for a region: the key value
 * (the DER encoding of a PKCS#1 {@code RSAPublicKey}), its fingerprint (the value digest files
 * name in {@code digestPublicKeyFingerprint}), and its validity period.
 *
 * <p>Immutable and thread-safe.
 */
public final class DigestPublicKey {
  private final String fingerprint;
  private final byte[] der;
  private final RSAPublicKey key;
  private final @Nullable Instant validityStart;
  private final @Nullable Instant validityEnd;

  /**
   * A key.
   *
   * @param fingerprint the fingerprint (compared ignoring case)
   * @param der the PKCS#1 DER encoding (an X.509 SubjectPublicKeyInfo encoding is accepted too);
   *     copied
   * @param validityStart the start of validity, or null if not known
   * @param validityEnd the end of validity, or null if not known
   * @throws IllegalArgumentException if {@code der} is not an RSA public key or the fingerprint
   *     is empty
   */
  public DigestPublicKey(String fingerprint, byte[] der, @Nullable Instant validityStart,
      @Nullable Instant validityEnd) {
    if (fingerprint.isEmpty()) {
      throw new IllegalArgumentException("empty fingerprint");
    }
    this.fingerprint = fingerprint.toLowerCase(Locale.ROOT);
    this.der = der.clone();
    this.key = RsaKeys.fromDer(this.der);
    this.validityStart = validityStart;
    this.validityEnd = validityEnd;
  }

  /** The fingerprint, in lower case. */
  public String fingerprint() {
    return fingerprint;
  }

  /** A copy of the DER encoding as given. */
  public byte[] der() {
    return der.clone();
  }

  /** The key, for {@link java.security.Signature}. */
  public RSAPublicKey key() {
    return key;
  }

  /** The start of validity, or null if not known. */
  public @Nullable Instant validityStart() {
    return validityStart;
  }

  /** The end of validity, or null if not known. */
  public @Nullable Instant validityEnd() {
    return validityEnd;
  }

  /** Equal when the fingerprint, the key value and the validity period are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DigestPublicKey k && k.fingerprint.equals(fingerprint)
        && java.util.Arrays.equals(k.der, der) && Objects.equals(k.validityStart, validityStart)
        && Objects.equals(k.validityEnd, validityEnd);
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  /** The fingerprint and validity period. */
  @Override
  public String toString() {
    return "DigestPublicKey[" + fingerprint + ", " + validityStart + " .. " + validityEnd + "]";
  }
}
