package io.cloudir.benchmarks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The canonical answer every CloudTrail benchmark variant must compute: the number of records and
 * a 64-bit checksum over the {@linkplain #FIELDS twelve fields} of every record.
 *
 * <p>For each record, for each field in the order of {@link #FIELDS}, the FNV-1a-64 hash of the
 * field's decoded value as UTF-8 bytes (or {@link #ABSENT} when the field is absent or JSON
 * {@code null}) is mixed into a running state; {@link #endRecord()} closes a record and checks that
 * exactly twelve fields were mixed. A zero-copy reader mixes the hash of its byte slice
 * ({@link #mix(byte[], int, int)}) or a precomputed hash ({@link #mixHash(long)}); a reader that
 * materialises Strings mixes them with {@link #mix(CharSequence)}, which hashes their UTF-8
 * encoding without allocating. All paths give identical results for identical values.
 *
 * <p>Not thread-safe: one accumulator per parse.
 */
public final class FieldChecksum {

  /** The twelve fields read by every variant, in mixing order (dotted = nested in userIdentity). */
  public static final List<String> FIELDS =
      List.of(
          "eventTime",
          "eventSource",
          "eventName",
          "awsRegion",
          "sourceIPAddress",
          "userAgent",
          "userIdentity.type",
          "userIdentity.arn",
          "userIdentity.accountId",
          "errorCode",
          "eventID",
          "recipientAccountId");

  /** Number of fields mixed per record. */
  public static final int FIELD_COUNT = 12;

  /** FNV-1a-64 offset basis (the hash of the empty string). */
  public static final long FNV_OFFSET = 0xcbf29ce484222325L;

  /** FNV-1a-64 prime. */
  public static final long FNV_PRIME = 0x100000001b3L;

  /** The value mixed for an absent or {@code null} field; distinct from the empty string's hash. */
  public static final long ABSENT = 0x5bd1e9955bd1e995L;

  private static final long MIX = 0x9e3779b97f4a7c15L;

  private long state = 0x2545f4914f6cdd1dL;
  private long records;
  private int fieldsInRecord;

  /** Creates an empty accumulator. */
  public FieldChecksum() {}

  /**
   * Returns the FNV-1a-64 hash of {@code len} bytes of {@code bytes} from {@code off}.
   *
   * @param bytes the bytes
   * @param off first byte
   * @param len number of bytes
   * @return the hash
   */
  public static long fnv1a64(byte[] bytes, int off, int len) {
    long h = FNV_OFFSET;
    for (int i = off, end = off + len; i < end; i++) {
      h ^= bytes[i] & 0xFF;
      h *= FNV_PRIME;
    }
    return h;
  }

  /**
   * Returns the FNV-1a-64 hash of the UTF-8 encoding of {@code s} (an unpaired surrogate encodes
   * as {@code '?'}, as {@link String#getBytes(java.nio.charset.Charset)} does), without
   * allocating.
   *
   * @param s the characters
   * @return the hash
   */
  public static long fnv1a64(CharSequence s) {
    long h = FNV_OFFSET;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * FNV_PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      } else if (Character.isSurrogate(c)) {
        char d;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(d = s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, d);
          i++;
          h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
          h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
          h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
          h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
        } else {
          h = (h ^ '?') * FNV_PRIME;
        }
      } else {
        h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
        h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      }
    }
    return h;
  }

  /**
   * Mixes one field given as its FNV-1a-64 hash (or {@link #ABSENT}).
   *
   * @param fieldHash the field's hash
   */
  public void mixHash(long fieldHash) {
    long s = Long.rotateLeft(state, 23) ^ fieldHash;
    state = s * MIX;
    fieldsInRecord++;
  }

  /**
   * Mixes one field given as characters, or absent when {@code value} is {@code null}.
   *
   * @param value the decoded field value, or {@code null}
   */
  public void mix(@Nullable CharSequence value) {
    mixHash(value == null ? ABSENT : fnv1a64(value));
  }

  /**
   * Mixes one field given as its decoded UTF-8 bytes.
   *
   * @param bytes the bytes
   * @param off first byte
   * @param len number of bytes
   */
  public void mix(byte[] bytes, int off, int len) {
    mixHash(fnv1a64(bytes, off, len));
  }

  /** Mixes one absent (or {@code null}) field. */
  public void mixAbsent() {
    mixHash(ABSENT);
  }

  /**
   * Closes a record.
   *
   * @throws IllegalStateException if the record did not mix exactly {@link #FIELD_COUNT} fields
   */
  public void endRecord() {
    if (fieldsInRecord != FIELD_COUNT) {
      throw new IllegalStateException(
          "record " + records + " mixed " + fieldsInRecord + " fields, expected " + FIELD_COUNT);
    }
    fieldsInRecord = 0;
    records++;
  }

  /**
   * Returns the number of closed records.
   *
   * @return the record count
   */
  public long records() {
    return records;
  }

  /**
   * Returns the checksum so far.
   *
   * @return the 64-bit state
   */
  public long value() {
    return state;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldChecksum other
        && other.records == records
        && other.state == state
        && other.fieldsInRecord == fieldsInRecord;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(state) * 31 + Long.hashCode(records);
  }

  @Override
  public String toString() {
    return "FieldChecksum[records=" + records + ", checksum=" + Long.toHexString(state) + "]";
  }
}
