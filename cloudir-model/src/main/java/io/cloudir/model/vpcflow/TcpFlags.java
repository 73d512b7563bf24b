package io.cloudir.model.vpcflow;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tcp-flags} of a flow log record: the bitwise OR of the TCP flags seen during the
 * aggregation window, as AWS documents it (FIN 1, SYN 2, RST 4, SYN-ACK 18; a short connection
 * can show e.g. 19 = SYN-ACK and FIN on one record). AWS logs ACK only together with SYN; the
 * other TCP header bits (PSH 8, ACK 16, URG 32, ECE 64, CWR 128) are decoded too when set.
 *
 * <p>Immutable and thread-safe; value semantics; values 0 to 255 are shared instances.
 */
public final class TcpFlags {
  /** FIN. */
  public static final int FIN = 1;
  /** SYN. */
  public static final int SYN = 2;
  /** RST. */
  public static final int RST = 4;
  /** PSH. */
  public static final int PSH = 8;
  /** ACK. */
  public static final int ACK = 16;
  /** URG. */
  public static final int URG = 32;
  /** ECE. */
  public static final int ECE = 64;
  /** CWR. */
  public static final int CWR = 128;
  /** SYN and ACK: 18, the reply to a connection request. */
  public static final int SYN_ACK = SYN | ACK;

  private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
  private static final TcpFlags[] CACHE = new TcpFlags[256];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new TcpFlags(i);
    }
  }

  private final int bits;

  private TcpFlags(int bits) {
    this.bits = bits;
  }

  /**
   * The flags with these bits.
   *
   * @throws IllegalArgumentException for a negative value
   */
  public static TcpFlags of(int bits) {
    if (bits < 0) {
      throw new IllegalArgumentException("negative tcp-flags " + bits);
    }
    return bits < CACHE.length ? CACHE[bits] : new TcpFlags(bits);
  }

  /** The value as written in the log. */
  public int bits() {
    return bits;
  }

  /** Whether every bit of {@code mask} is set. */
  public boolean has(int mask) {
    return (bits & mask) == mask;
  }

  /** FIN (1) set. */
  public boolean fin() {
    return (bits & FIN) != 0;
  }

  /** SYN (2) set. */
  public boolean syn() {
    return (bits & SYN) != 0;
  }

  /** RST (4) set. */
  public boolean rst() {
    return (bits & RST) != 0;
  }

  /** PSH (8) set. */
  public boolean psh() {
    return (bits & PSH) != 0;
  }

  /** ACK (16) set. */
  public boolean ack() {
    return (bits & ACK) != 0;
  }

  /** URG (32) set. */
  public boolean urg() {
    return (bits & URG) != 0;
  }

  /** SYN and ACK (18) both set: a reply to a connection request. */
  public boolean synAck() {
    return has(SYN_ACK);
  }

  /** A SYN without ACK: a connection request (a scan shows many of these without replies). */
  public boolean synOnly() {
    return syn() && !ack();
  }

  /** Bits above CWR (128): not TCP header flags. */
  public boolean hasUnknownBits() {
    return (bits & ~0xFF) != 0;
  }

  /** The names of the set flags, lowest bit first (e.g. {@code [FIN, SYN, ACK]} for 19). */
  public List<String> names() {
    List<String> l = new ArrayList<>(4);
    for (int i = 0; i < NAMES.length; i++) {
      if ((bits & (1 << i)) != 0) {
        l.add(NAMES[i]);
      }
    }
    return l;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TcpFlags t && t.bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** The set flags joined with {@code |} ({@code SYN|ACK}), {@code 0} for none, plus unknown bits. */
  @Override
  public String toString() {
    if (bits == 0) {
      return "0";
    }
    String s = String.join("|", names());
    if (hasUnknownBits()) {
      s = (s.isEmpty() ? "" : s + "|") + "0x" + Integer.toHexString(bits & ~0xFF);
    }
    return s;
  }
}
