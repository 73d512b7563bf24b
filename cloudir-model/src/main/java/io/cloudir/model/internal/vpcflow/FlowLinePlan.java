package io.cloudir.model.internal.vpcflow;

/**
 * What {@link FlowLineScanner} checks at each position of one flow log format: the kind of check
 * ({@code K_*}), the known texts of enumerated fields, and where {@code start} and {@code end}
 * are. Built once per format by the model.
 *
 * <p>Immutable and thread-safe (the arrays are never written after construction).
 */
public final class FlowLinePlan {
  /** Any text: nothing to check. */
  public static final byte K_TEXT = 0;
  /** Digits or {@code -}; no range. */
  public static final byte K_NUM = 1;
  /** A port: digits or {@code -}, above 65535 is a range warning. */
  public static final byte K_PORT = 2;
  /** protocol or tcp-flags: digits or {@code -}, above 255 is a range warning. */
  public static final byte K_BYTE = 3;
  /** version: digits or {@code -}, below the format's highest version is a warning. */
  public static final byte K_VERSION = 4;
  /** traffic-path: digits or {@code -}, an unknown code is a warning. */
  public static final byte K_TRAFFIC = 5;
  /** An IPv4 or IPv6 address; anything else (but {@code -}) is a warning. */
  public static final byte K_ADDRESS = 6;
  /** One of {@link #known} at that position; anything else (but {@code -}) is a warning. */
  public static final byte K_ENUM = 7;
  /** encryption-status: one digit 0 to 3; anything else (but {@code -}) is a warning. */
  public static final byte K_ENCRYPTION = 8;

  final byte[] kinds;
  final byte[][][] known;
  /** For each position, its known texts of at most eight bytes as little-endian words. */
  final long[][] knownWords;
  /** The lengths of {@link #knownWords}. */
  final int[][] knownLengths;
  final int highestVersion;
  final int startPos;
  final int endPos;
  final long trafficKnown;
  /**
   * Whether the positions have the kinds of the default (version 2) format — version, two texts,
   * two addresses, two ports, a byte, four plain numbers (start and end the first two of them),
   * two enumerated texts — for which {@link FlowLineScanner} has a path of its own.
   */
  final boolean defaultLayout;

  /**
   * A plan.
   *
   * @param kinds the kind of each position ({@code K_*})
   * @param known for each {@link #K_ENUM} position, the UTF-8 bytes of its known values
   * @param highestVersion the version the format's fields imply
   * @param startPos the position of {@code start}, or -1
   * @param endPos the position of {@code end}, or -1
   * @param trafficKnown bit {@code c} set when traffic-path code {@code c} (below 64) is known
   */
  public FlowLinePlan(byte[] kinds, byte[][][] known, int highestVersion, int startPos, int endPos,
      long trafficKnown) {
    this.kinds = kinds.clone();
    this.known = known.clone();
    this.knownWords = new long[known.length][];
    this.knownLengths = new int[known.length][];
    for (int i = 0; i < known.length; i++) {
      int short8 = 0;
      for (byte[] k : known[i]) {
        if (k.length <= 8) {
          short8++;
        }
      }
      knownWords[i] = new long[short8];
      knownLengths[i] = new int[short8];
      int j = 0;
      for (byte[] k : known[i]) {
        if (k.length <= 8) {
          long w = 0;
          for (int x = k.length - 1; x >= 0; x--) {
            w = (w << 8) | (k[x] & 0xFF);
          }
          knownWords[i][j] = w;
          knownLengths[i][j] = k.length;
          j++;
        }
      }
    }
    this.highestVersion = highestVersion;
    this.startPos = startPos;
    this.endPos = endPos;
    this.trafficKnown = trafficKnown;
    this.defaultLayout = java.util.Arrays.equals(kinds, DEFAULT_KINDS) && startPos == 10 && endPos == 11;
  }

  private static final byte[] DEFAULT_KINDS = {K_VERSION, K_TEXT, K_TEXT, K_ADDRESS, K_ADDRESS, K_PORT, K_PORT, K_BYTE,
      K_NUM, K_NUM, K_NUM, K_NUM, K_ENUM, K_ENUM};

  /** Whether the plan has the default (version 2) layout, which the scanner reads by a path of its own. */
  public boolean hasDefaultLayout() {
    return defaultLayout;
  }

  /** Whether the kind is one of the numeric kinds (whose values the scanner stores). */
  public static boolean isNumeric(byte kind) {
    return kind >= K_NUM && kind <= K_TRAFFIC;
  }

  /** The kind at a position. */
  public byte kind(int position) {
    return kinds[position];
  }

  /** The number of positions. */
  public int size() {
    return kinds.length;
  }
}
