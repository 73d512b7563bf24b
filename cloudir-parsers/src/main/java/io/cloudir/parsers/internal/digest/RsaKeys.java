package io.cloudir.parsers.internal.digest;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * Turns the DER encoding of a PKCS#1 {@code RSAPublicKey} (what CloudTrail's ListPublicKeys returns)
 * into a JDK {@link PublicKey}, by wrapping it in an X.509 {@code SubjectPublicKeyInfo} with the
 * {@code rsaEncryption} algorithm identifier. Stateless and thread-safe.
 */
public final class RsaKeys {
  /** {@code SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }}. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
    0x01, 0x05, 0x00
  };
  private static final int SEQUENCE = 0x30;
  private static final int BIT_STRING = 0x03;

  private RsaKeys() {}

  /**
   * The RSA public key of a PKCS#1 DER encoding (an X.509 {@code SubjectPublicKeyInfo} encoding is
   * accepted too).
   *
   * @throws IllegalArgumentException if the bytes are not an RSA public key
   */
  public static RSAPublicKey fromDer(byte[] der) {
    KeyFactory kf;
    try {
      kf = KeyFactory.getInstance("RSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no RSA key factory", e);
    }
    if (der.length < 2 || (der[0] & 0xff) != SEQUENCE) {
      throw new IllegalArgumentException("not a DER SEQUENCE");
    }
    Exception first;
    try {
      return (RSAPublicKey) kf.generatePublic(new X509EncodedKeySpec(spki(der)));
    } catch (GeneralSecurityException | RuntimeException e) {
      first = e;
    }
    try {
      return (RSAPublicKey) kf.generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a PKCS#1 RSA public key: " + first.getMessage());
    }
  }

  /** {@code SEQUENCE { algorithm, BIT STRING { 0 unused bits, pkcs1 } }}. */
  static byte[] spki(byte[] pkcs1) {
    ByteArrayOutputStream bits = new ByteArrayOutputStream(pkcs1.length + 6);
    bits.write(BIT_STRING);
    writeLength(bits, pkcs1.length + 1);
    bits.write(0);
    bits.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(pkcs1.length + 32);
    out.write(SEQUENCE);
    writeLength(out, RSA_ALGORITHM_ID.length + bits.size());
    out.writeBytes(RSA_ALGORITHM_ID);
    out.writeBytes(bits.toByteArray());
    return out.toByteArray();
  }

  /** A DER definite length. */
  private static void writeLength(ByteArrayOutputStream out, int len) {
    if (len < 0x80) {
      out.write(len);
      return;
    }
    int n = 0;
    for (int v = len; v != 0; v >>>= 8) {
      n++;
    }
    out.write(0x80 | n);
    for (int i = n - 1; i >= 0; i--) {
      out.write((len >>> (8 * i)) & 0xff);
    }
  }
}
