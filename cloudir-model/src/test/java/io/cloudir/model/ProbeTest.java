package io.cloudir.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void len() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 10)).check(s -> Probe.len(s) == s.length());
    assertEquals(3, Probe.len("abc"));
  }
}
