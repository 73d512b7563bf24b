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
  private static boolean ok(Decision d) {
    return d == Decision.ALLOWED || d == Decision.CONDITIONAL;
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
        Decision d = s.canDo(p.arn(), action, resource, Map.of()).decision();
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
          Decision step = s.canDo(chain.get(i), "sts:AssumeRole", chain.get(i + 1), Map.of()).decision();
          assertTrue(ok(step), where + ": step " + chain.get(i) + " -> " + chain.get(i + 1) + " is " + step);
          allAllowed &= step == Decision.ALLOWED;
        }
        Decision last = s.canDo(chain.get(chain.size() - 1), action, resource, Map.of()).decision();
        assertTrue(ok(last), where + ": " + e + " ends in " + last);
        allAllowed &= last == Decision.ALLOWED;
        if (e.decision() == Decision.ALLOWED) {
          assertTrue(allAllowed, where + ": " + e + " is Allowed but a step is conditional");
        }
        if (e.principal().contains(":role/")) {
          for (SnapshotPrincipal q : s.principals()) {
            if (!q.arn().equals(e.principal())
                && ok(s.canDo(q.arn(), "sts:AssumeRole", e.principal(), Map.of()).decision())) {
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
