package io.cloudir.model.internal.cloudtrail;

import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailCursor;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;
import org.jspecify.annotations.Nullable;

/**
 * Lets cloudir's readers drive the package-private indexing of {@code io.cloudir.model.cloudtrail}
 * without making it API. The bridge is installed by {@link CloudTrailCursor}'s class initialiser.
 */
public final class CloudTrailAccess {
  /** What the readers may do. */
  public interface Bridge {
    /** A new cursor. */
    CloudTrailCursor newCursor(boolean debug);

    /** Validates and indexes the object at {@code p}; returns its end or INCOMPLETE. */
    int index(CloudTrailCursor c, byte[] b, int p, int limit, boolean atEof, JsonScanner sc, int depth)
        throws JsonSyntaxError;

    /** Marks the cursor as showing a new event. */
    void advance(CloudTrailCursor c, String source, long offset, long line);

    /**
     * Sets how the cursor finds the line of an offset when {@link #advance} was given {@link
     * #lazyLine()} (valid only while the cursor is live).
     */
    void lineResolver(CloudTrailCursor c, java.util.function.LongUnaryOperator r);

    /** The line value that means "compute on demand". */
    long lazyLine();

    /** Marks the cursor stale. */
    void invalidate(CloudTrailCursor c);

    /** An immutable event sharing the cursor's block. */
    CloudTrailEvent shared(CloudTrailCursor c, Provenance p);
  }

  private static volatile @Nullable Bridge bridge;

  private CloudTrailAccess() {}

  /** Installs the bridge (once, from the cloudtrail package). */
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
        Class.forName(CloudTrailCursor.class.getName(), true, CloudTrailCursor.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      b = bridge;
      if (b == null) {
        throw new IllegalStateException("CloudTrail bridge not installed");
      }
    }
    return b;
  }
}
