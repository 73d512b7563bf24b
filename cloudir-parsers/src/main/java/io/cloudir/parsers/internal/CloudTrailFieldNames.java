package io.cloudir.parsers.internal;

import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.internal.json.ByteNames;

/** Recognises the member names that mark an object as a CloudTrail event. Thread-safe. */
final class CloudTrailFieldNames {
  private static final ByteNames NAMES;

  static {
    CloudTrailField[] f = CloudTrailField.values();
    String[] n = new String[f.length];
    for (int i = 0; i < f.length; i++) {
      n[i] = f[i].jsonName();
    }
    NAMES = new ByteNames(n);
  }

  private CloudTrailFieldNames() {}

  /** Whether bytes {@code [s, e)} are a documented top-level CloudTrail field name. */
  static boolean isEventField(byte[] b, int s, int e) {
    return NAMES.lookup(b, s, e) >= 0;
  }
}
