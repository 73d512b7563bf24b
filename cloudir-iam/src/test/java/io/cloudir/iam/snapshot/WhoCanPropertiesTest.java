package io.cloudir.iam.snapshot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.eval.Decision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Snapshot#whoCan} against {@link Snapshot#canDo} over generated snapshots (a
 * seeded loop; the seed is printed on failure): every principal canDo allows is listed (directly
 * when unconditional); every chain listed is made of steps canDo allows (all unconditional for an
 * unconditional entry); and whoever can assume a listed role is listed too.
 */
class WhoCanPropertiesTest {
  /** Allowed, or conditional with an allow among its possible outcomes. */
  private static boolean ok(io.cloudir.iam.eval.Result r) {
    return r.possible().contains(Decision.ALLOWED);
  }

  @Test
  void whoCanAgreesWithCanDo() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    int checkedEntries = 0;
    for (int round = 0; round < 60; round++) {
      String where = "seed " + seed + " round " + round;
      SnapshotGenerator g = new SnapshotGenerator(rnd, 1 + rnd.nextInt(3), 1 + rnd.nextInt(4));
      Snapshot s = g.snapshot();
      String action = SnapshotGenerator.QUERY_ACTIONS[rnd.nextInt(SnapshotGenerator.QUERY_ACTIONS.length)];
      String resource = SnapshotGenerator.QUERY_RESOURCES[rnd.nextInt(SnapshotGenerator.QUERY_RESOURCES.length)];
      List<WhoCanEntry> who = s.whoCan(action, resource);
      Map<String, WhoCanEntry> by = new HashMap<>();
      for (WhoCanEntry e : who) {
        by.put(e.principal(), e);
      }
      for (SnapshotPrincipal p : s.principals()) {
        var r = s.canDo(p.arn(), action, resource, Map.of());
        Decision d = ok(r) ? r.decision() : Decision.IMPLICIT_DENY;
        WhoCanEntry e = by.get(p.arn());
        if (d == Decision.ALLOWED) {
          assertTrue(e != null && e.via().isEmpty() && e.decision() == Decision.ALLOWED,
              where + ": " + p.arn() + " is allowed but listed as " + e);
        } else if (d == Decision.CONDITIONAL) {
          assertTrue(e != null, where + ": " + p.arn() + " conditional but not listed");
        } else if (e != null) {
          assertTrue(!e.via().isEmpty(), where + ": " + p.arn() + " denied but listed directly");
        }
      }
      for (WhoCanEntry e : who) {
        checkedEntries++;
        List<String> chain = new java.util.ArrayList<>();
        chain.add(e.principal());
        chain.addAll(e.via());
        boolean allAllowed = true;
        for (int i = 0; i + 1 < chain.size(); i++) {
          if (chain.get(i).contains(":saml-provider/")) {
            continue;
          }
          var step = s.canDo(chain.get(i), "sts:AssumeRole", chain.get(i + 1), Map.of());
          assertTrue(ok(step), where + ": step " + chain.get(i) + " -> " + chain.get(i + 1) + " is " + step.decision());
          allAllowed &= step.decision() == Decision.ALLOWED;
        }
        var last = s.canDo(chain.get(chain.size() - 1), action, resource, Map.of());
        assertTrue(ok(last), where + ": " + e + " ends in " + last.decision());
        allAllowed &= last.decision() == Decision.ALLOWED;
        if (e.decision() == Decision.ALLOWED) {
          assertTrue(allAllowed, where + ": " + e + " is Allowed but a step is conditional");
        }
        if (e.principal().contains(":role/")) {
          for (SnapshotPrincipal q : s.principals()) {
            if (!q.arn().equals(e.principal())
                && ok(s.canDo(q.arn(), "sts:AssumeRole", e.principal(), Map.of()))) {
              assertTrue(by.containsKey(q.arn()), where + ": " + q.arn() + " can assume "
                  + e.principal() + " but is not listed");
            }
          }
        }
      }
    }
    assertTrue(checkedEntries > 0, "the generator produced no answers at all");
  }
}
