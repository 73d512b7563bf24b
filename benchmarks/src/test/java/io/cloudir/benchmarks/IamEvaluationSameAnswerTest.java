package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.snapshot.Snapshot;
import io.cloudir.iam.snapshot.SnapshotPrincipal;
import io.cloudir.iam.snapshot.WhoCanEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The IAM benchmark measures what it claims: (a) and (b) are allowed requests, and (c) answers over
 * a 500-principal snapshot agree with one canDo evaluation per principal plus the role chains.
 */
class IamEvaluationSameAnswerTest {

  private static IamEvaluationBenchmark bench() {
    IamEvaluationBenchmark b = new IamEvaluationBenchmark();
    b.setup();
    return b;
  }

  @Test
  void decisionPathsAreAllowed() {
    IamEvaluationBenchmark b = bench();
    assertEquals(Decision.ALLOWED, b.smallDecide());
    assertEquals(Decision.ALLOWED, b.roleDecide());
  }

  @Test
  void whoCanOverFiveHundredPrincipalsAgreesWithCanDo() {
    IamEvaluationBenchmark b = bench();
    Snapshot s = b.snapshot;
    assertEquals(2 * IamEvaluationBenchmark.HALF, s.principals().size());
    List<WhoCanEntry> who = b.whoCan500();
    // every principal canDo allows directly is listed; every listed chain ends in one
    Set<String> direct = new TreeSet<>();
    for (SnapshotPrincipal p : s.principals()) {
      var r = s.canDo(p.arn(), IamEvaluationBenchmark.WHO_ACTION,
          IamEvaluationBenchmark.WHO_RESOURCE, Map.of());
      if (r.possible().contains(Decision.ALLOWED)) {
        direct.add(p.arn());
      }
    }
    Set<String> listedDirect = new TreeSet<>();
    List<String> viaRoles = new ArrayList<>();
    for (WhoCanEntry e : who) {
      if (e.via().isEmpty()) {
        listedDirect.add(e.principal());
      } else {
        String last = e.via().get(e.via().size() - 1);
        assertTrue(direct.contains(last), e.toString());
        viaRoles.add(e.principal());
      }
    }
    assertEquals(direct, listedDirect);
    assertTrue(!direct.isEmpty() && !viaRoles.isEmpty(),
        "the question exercises both direct answers and role chains");
    assertEquals(who, b.whoCan500(), "repeated calls give the same answer");
  }
}
