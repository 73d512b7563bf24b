package io.cloudir.rules.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Primitive helpers of the checkpoint format: length-prefixed UTF-8 strings, bounded counts. */
public final class StateIo {
  private StateIo() {}

  /** The longest string in a checkpoint. */
  static final int MAX_STRING = 1 << 20;
  /** The largest count in a checkpoint. */
  static final int MAX_COUNT = 50_000_000;

  /** Writes a string. */
  public static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** Reads a string. */
  public static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Writes a nullable string. */
  public static void writeNullable(DataOutput out, @Nullable String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  /** Reads a nullable string. */
  public static @Nullable String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  /** Checks a count read from a checkpoint. */
  public static int count(int n) throws IOException {
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("bad count " + n);
    }
    return n;
  }
}
