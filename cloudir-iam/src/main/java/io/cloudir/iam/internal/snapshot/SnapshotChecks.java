package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;

/** Cross-file checks run when a snapshot is built: dangling references become warnings. */
public final class SnapshotChecks {
  private SnapshotChecks() {}

  /**
   * Checks references and freezes the model.
   *
   * @param b the model being built
   * @return the immutable model
   */
  public static Model check(Model.Builder b) {
    Model m = b.build();
    Model.Builder w = m.toBuilder();
    for (Entity e : m.users.values()) {
      refs(m, w, e);
      for (String g : e.groups()) {
        if (m.group(e.account(), g) == null) {
          w.warnings.add(e.arn() + ": group " + g + " is not in the snapshot (its policies are"
              + " not counted)");
        }
      }
    }
    for (Entity e : m.groups.values()) {
      refs(m, w, e);
    }
    for (Entity e : m.roles.values()) {
      refs(m, w, e);
    }
    return w.build();
  }

  private static void refs(Model m, Model.Builder w, Entity e) {
    for (String a : e.attached()) {
      ManagedPolicy p = m.policies.get(a);
      if (p == null || p.document() == null) {
        w.warnings.add(e.arn() + ": attached policy " + a + " is not in the snapshot (its"
            + " permissions are not counted)");
      }
    }
    String b = e.boundary();
    if (b != null && (m.policies.get(b) == null || m.policies.get(b).document() == null)) {
      w.warnings.add(e.arn() + ": permissions boundary " + b + " is not in the snapshot (treated"
          + " as absent)");
    }
  }
}
