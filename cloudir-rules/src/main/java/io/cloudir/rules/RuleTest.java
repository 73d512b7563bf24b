package io.cloudir.rules;

import io.cloudir.model.Location;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.net.IpAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An example embedded in a rule: input records (one event, or a timed sequence) and what the rule
 * must make of them — at least one finding ({@link #positive}), none ({@link #negative}), or an
 * exact number of findings — and optionally the fields every finding must have (the keys of
 * {@link Finding#toJson()}: {@code title}, {@code severity}, {@code principal}, {@code sourceIp},
 * {@code time}…, compared as text; list fields as comma-separated values; {@code details.NAME} for
 * a {@link Finding#details()} entry). A test may also give what an IP enricher knows about its
 * addresses ({@link #geo()}): the test's engine then has an enricher answering from that table,
 * so rules on {@code geo.*} fields and impossible travel can be tested.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleTest {
  /** {@link #expectedCount()} of a positive test: at least one finding. */
  public static final int AT_LEAST_ONE = -1;

  private final String name;
  private final List<TestEvent> events;
  private final int expectedCount;
  private final Map<String, String> expectedFields;
  private final @Nullable Location location;
  private final Map<String, IpDetails> geo;

  private RuleTest(String name, List<TestEvent> events, int expectedCount,
      Map<String, String> expectedFields, @Nullable Location location) {
    this(name, events, expectedCount, expectedFields, location, Map.of());
  }

  private RuleTest(String name, List<TestEvent> events, int expectedCount,
      Map<String, String> expectedFields, @Nullable Location location,
      Map<String, IpDetails> geo) {
    this.geo = Map.copyOf(geo);
    this.name = Objects.requireNonNull(name);
    this.events = List.copyOf(events);
    if (this.events.isEmpty()) {
      throw new IllegalArgumentException("test '" + name + "' has no events");
    }
    if (expectedCount < AT_LEAST_ONE) {
      throw new IllegalArgumentException("test '" + name + "': negative finding count");
    }
    this.expectedCount = expectedCount;
    this.expectedFields = Map.copyOf(expectedFields);
    if (expectedCount == 0 && !this.expectedFields.isEmpty()) {
      throw new IllegalArgumentException("test '" + name + "' expects no finding but names fields");
    }
    this.location = location;
  }

  /** A test that expects at least one finding. */
  public static RuleTest positive(String name, TestEvent... events) {
    return new RuleTest(name, List.of(events), AT_LEAST_ONE, Map.of(), null);
  }

  /** A test that expects no finding. */
  public static RuleTest negative(String name, TestEvent... events) {
    return new RuleTest(name, List.of(events), 0, Map.of(), null);
  }

  /** A test from its parts ({@code expectedCount}: {@link #AT_LEAST_ONE}, 0, or an exact count). */
  public static RuleTest of(String name, List<TestEvent> events, int expectedCount,
      Map<String, String> expectedFields, @Nullable Location location) {
    return new RuleTest(name, events, expectedCount, new LinkedHashMap<>(expectedFields), location);
  }

  /** This test expecting exactly {@code count} findings. */
  public RuleTest expectCount(int count) {
    return new RuleTest(name, events, count, expectedFields, location, geo);
  }

  /** This test also requiring a finding field (a key of {@link Finding#toJson()}) to equal text. */
  public RuleTest expectField(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(expectedFields);
    m.put(key, value);
    return new RuleTest(name, events, expectedCount, m, location, geo);
  }

  /**
   * This test with an enricher that knows {@code details} about the address {@code ip} (in its
   * canonical text form, such as {@code 203.0.113.7}).
   *
   * @throws IllegalArgumentException when {@code ip} is not an IP address
   */
  public RuleTest withGeo(String ip, IpDetails details) {
    IpAddress a = IpAddress.tryParse(ip);
    if (a == null) {
      throw new IllegalArgumentException("test '" + name + "': geo key '" + ip
          + "' is not an IP address");
    }
    Map<String, IpDetails> m = new LinkedHashMap<>(geo);
    m.put(a.toString(), Objects.requireNonNull(details));
    return new RuleTest(name, events, expectedCount, expectedFields, location, m);
  }

  /**
   * What the test's IP enricher knows, by canonical address text; empty when the test's engine
   * has no enricher.
   */
  public Map<String, IpDetails> geo() {
    return geo;
  }

  /** The test's name. */
  public String name() {
    return name;
  }

  /** The input records, in order. */
  public List<TestEvent> events() {
    return events;
  }

  /** {@link #AT_LEAST_ONE}, 0 for a negative test, or the exact number of findings. */
  public int expectedCount() {
    return expectedCount;
  }

  /** Whether the test expects findings. */
  public boolean isPositive() {
    return expectedCount != 0;
  }

  /** Finding fields every finding must have, as text. */
  public Map<String, String> expectedFields() {
    return expectedFields;
  }

  /** Where the test was written, or {@code null}. */
  public @Nullable Location location() {
    return location;
  }

  @Override
  public String toString() {
    return name + (isPositive() ? " (positive)" : " (negative)");
  }
}
