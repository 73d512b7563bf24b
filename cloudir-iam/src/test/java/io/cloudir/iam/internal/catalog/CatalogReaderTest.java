package io.cloudir.iam.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog format reader: a small hand-written catalog, and every kind of damage. */
class CatalogReaderTest {
  private static final String GOOD =
      "cloudir-action-catalog\t1\n"
          + "#package\tp\n"
          + "#version\t1.0\n"
          + "#notice\tMIT\n"
          + "#notice\t\n"
          + "L\tRead\n"
          + "L\tPermissions management, Write\n"
          + "T\tString\n"
          + "T\tARN\n"
          + "G\taws:SourceArn\t1\n"
          + "S\tsvc\tThe Service\n"
          + "K\tsvc:Key\t0\n"
          + "K\tsvc:Other\t1\n"
          + "R\tthing\tarn:${Partition}:svc:::${Name}\t1\n"
          + "A\tGetThing\t0\t0,1\t0!=1\n"
          + "A\tListThings\t1\t\t\n"
          + "E\t1\t2\t1\t2\t1\n";

  /** Reads a catalog and, as a service's first use would, every service's actions. */
  private static RawCatalog parse(String text) {
    RawCatalog c = CatalogReader.parse("test", text.getBytes(StandardCharsets.UTF_8));
    for (RawCatalog.Service s : c.services()) {
      assertEquals(s.actions().count(), s.actions().read().size());
    }
    return c;
  }

  @Test
  void readsAHandWrittenCatalog() {
    RawCatalog c = parse(GOOD);
    assertEquals("p", c.header().get("package"));
    assertEquals(List.of("MIT", ""), c.notice());
    assertEquals(List.of("Read", "Permissions management, Write"), c.levels());
    assertEquals("aws:SourceArn", c.globals().get(0).name());
    RawCatalog.Service s = c.services().get(0);
    assertEquals("The Service", s.name());
    assertEquals(2, s.keys().size());
    assertEquals(1, s.resourceTypes().get(0).keys()[0]);
    List<RawCatalog.Action> actions = s.actions().read();
    RawCatalog.Action get = actions.get(0);
    assertEquals(2, get.keys().length);
    assertTrue(get.resources().get(0).required());
    assertEquals(1, get.resources().get(0).keys()[0]);
    assertEquals("ListThings", actions.get(1).name());
    assertEquals(1, actions.get(1).level());
    assertEquals(0, actions.get(1).resources().size());
  }

  @Test
  void readsTheBundledResource() {
    long t0 = System.nanoTime();
    RawCatalog c = CatalogReader.readBundled();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("bundled catalog read in " + ms + " ms (raw reader only)");
    assertEquals(456, c.services().size());
  }

  static Stream<Arguments> damaged() {
    String head = "cloudir-action-catalog\t1\n";
    return Stream.of(
        Arguments.of("", 0L, "not a cloudir action catalog"),
        Arguments.of(head, 1L, "truncated: no end marker"),
        Arguments.of("something else\n", 1L, "not a cloudir action catalog"),
        Arguments.of("cloudir-action-catalog\t2\n", 1L, "unsupported catalog format version 2"),
        Arguments.of(head + "E\t0\t0\t0\t0\t0", 2L, "last line has no line feed"),
        Arguments.of(head + "X\ty\n", 2L, "unknown record kind 'X'"),
        Arguments.of(head + "T\tString\nK\tk\t0\n", 3L, "record outside a service"),
        Arguments.of(head + "G\tk\t0\n", 2L, "index 0 out of range (0)"),
        Arguments.of(head + "S\ts\n", 2L, "expected 3 fields, found 2"),
        Arguments.of(head + "S\t\tname\n", 2L, "field 2 is empty"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\t0\t\t7\nE\t1\t1\t0\t0\t0\n", 4L, "index 7 out of range (0)"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\tx\t\t\nE\t1\t1\t0\t0\t0\n", 4L, "bad number at column 5"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\t0\t,\t\nE\t1\t1\t0\t0\t0\n", 4L, "bad number at column 7"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\t0\t\t\nA\tb\t0\nE\t1\t2\t0\t0\t0\n", 5L, "expected 5 fields"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\t\t0\t\t\nE\t1\t1\t0\t0\t0\n", 4L, "field 2 is empty"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\t0\t\t0!\nE\t1\t1\t0\t0\t0\n", 4L, "index 0 out of range (0)"),
        Arguments.of(head + "L\tRead\nS\ts\tn\nA\ta\t0\t\t\nK\tk\t0\n", 5L,
            "K and R records must come before the service's actions"),
        Arguments.of(head + "A\ta\t0\t\t\n", 2L, "record outside a service"),
        Arguments.of(head + "E\t1\t0\t0\t0\t0\n", 2L, "end marker says 1 but 0 were read"),
        Arguments.of(head + "E\t0\t0\t0\t0\t0\nL\tRead\n", 3L, "content after the end marker"));
  }

  @ParameterizedTest
  @MethodSource("damaged")
  void rejects(String text, long line, String reason) {
    CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> parse(text));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(line, e.location().line(), e.getMessage());
    assertEquals("test", e.location().source());
  }

  @Test
  void eventTableRejectsBadLines() {
    CatalogFormatException e =
        assertThrows(
            CatalogFormatException.class,
            () -> EventTable.parse("t", "# c\n\nevent s3.amazonaws.com GetObject\n"));
    assertEquals(3, e.location().line());
    e = assertThrows(
        CatalogFormatException.class,
        () -> EventTable.parse("t", "event a b s3:X\nevent a b s3:Y\n"));
    assertTrue(e.reason().startsWith("duplicate event"), e.reason());
    e = assertThrows(
        CatalogFormatException.class, () -> EventTable.parse("t", "event a b GetObject\n"));
    assertTrue(e.reason().startsWith("not an action"), e.reason());
    EventTable t = EventTable.parse("t", "source x.amazonaws.com y\nevent a b -\nevent a c p:A,p:B\n");
    assertEquals("y", t.sourcePrefixes().get("x.amazonaws.com"));
    assertEquals(List.of(), t.events().get("a").get("b"));
    assertEquals(List.of("p:A", "p:B"), t.events().get("a").get("c"));
    assertEquals(3, t.lineOf("a", "c"));
  }
}
