package io.cloudir.model.internal.vpcflow;

import io.cloudir.model.Provenance;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import org.jspecify.annotations.Nullable;

/**
 * Lets cloudir's readers drive the package-private indexing of {@code io.cloudir.model.vpcflow}
 * without making it API. The bridge is installed by {@link FlowLogCursor}'s class initialiser.
 */
public final class FlowLogAccess {
  /** What the readers may do. */
  public interface Bridge {
    /** A new cursor. */
    FlowLogCursor newCursor(boolean debug);

    /**
     * Indexes line {@code [s, e)} into the cursor (marking it stale until {@link #advance});
     * false when the line is malformed (see {@link #error}, {@link #errorColumn}).
     */
    boolean index(FlowLogCursor c, byte[] b, int s, int e, FlowLogFormat f);

    /**
     * Indexes the line starting at {@code s} that ends at the first line feed before {@code limit}
     * (marking the cursor stale until {@link #advance}) when the one-pass fast path accepts it.
     *
     * @return the index of the line feed; or -1 when the caller must find the line's end and call
     *     {@link #index}, which decides whether the line is malformed
     */
    int indexLine(FlowLogCursor c, byte[] b, int s, int limit, FlowLogFormat f);

    /** Why the last {@link #index} failed. */
    String error(FlowLogCursor c);

    /** Where in the line (0-based) the last {@link #index} failed. */
    int errorColumn(FlowLogCursor c);

    /** Marks the cursor as showing a new record. */
    void advance(FlowLogCursor c, String source, long offset, long line);

    /** Marks the cursor stale. */
    void invalidate(FlowLogCursor c);

    /** An immutable record of the cursor's line, sharing or copying its bytes. */
    FlowLogRecord record(FlowLogCursor c, Provenance p, boolean copy);

    /** The format a header line describes, or null when the line is not a header. */
    @Nullable FlowLogFormat header(byte[] b, int s, int e);
  }

  private static volatile @Nullable Bridge bridge;

  private FlowLogAccess() {}

  /** Installs the bridge (once, from the vpcflow package). */
  public static void install(Bridge b) {
    if (bridge == null) {
      bridge = b;
    }
  }

  /** The bridge. */
  public static Bridge get() {
    Bridge b = bridge;
    if (b == null) {
      try {
        Class.forName(FlowLogCursor.class.getName(), true, FlowLogCursor.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      b = bridge;
      if (b == null) {
        throw new IllegalStateException("flow log bridge not installed");
      }
    }
    return b;
  }
}
