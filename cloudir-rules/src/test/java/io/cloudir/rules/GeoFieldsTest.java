package io.cloudir.rules;

import static io.cloudir.rules.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.investigate.enrich.MaxMindEnricher;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code geo.*} fields read through the engine's {@link IpEnricher}. */
class GeoFieldsTest {
  /** A user-supplied table of facts (the interface is the user's extension point). */
  private static final Map<String, IpEnricher.Info> FACTS = Map.of(
      "203.0.113.7", new IpEnricher.Info(64500, "Example Hosting", "NL"),
      "198.51.100.9", new IpEnricher.Info(64501, "Other Net", "US"));
  private static final IpEnricher TABLE = ip -> FACTS.get(ip.toString());

  private static List<Finding> run(EngineOptions o, Rule rule, LogRecord... records) {
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(rule), o).newSession(out::add);
    for (LogRecord r : records) {
      s.accept(r);
    }
    s.flush();
    return out;
  }

  private static Rule fromCountry(String country) {
    return Rule.builder("geo-" + country).logSource(LogSource.cloudTrail())
        .when(Field.of("geo.source.country").equalsAny(country)).build();
  }

  @Test
  void sourceCountryAndAsnComeFromTheEnricher() {
    CloudTrailEvent e = event("");
    EngineOptions o = EngineOptions.defaults().ipEnricher(TABLE);
    assertEquals(1, run(o, fromCountry("NL"), e).size());
    assertEquals(0, run(o, fromCountry("US"), e).size());
    Rule asn = Rule.builder("asn").logSource(LogSource.cloudTrail())
        .when(Field.of("geo.source.asn").equalsAny("64500")).build();
    assertEquals(1, run(o, asn, e).size());
  }

  @Test
  void withoutAnEnricherOrFactsTheFieldIsAbsent() {
    CloudTrailEvent e = event("");
    assertEquals(0, run(EngineOptions.defaults(), fromCountry("NL"), e).size());
    CloudTrailEvent service = CloudTrailEvent.parse(event("").toJson()
        .replace("203.0.113.7", "ec2.amazonaws.com"));
    assertEquals(0, run(EngineOptions.defaults().ipEnricher(TABLE), fromCountry("NL"), service)
        .size());
    Rule exists = Rule.builder("exists").logSource(LogSource.cloudTrail())
        .when(Field.of("geo.source.country").absent()).build();
    assertEquals(1, run(EngineOptions.defaults(), exists, e).size());
  }

  @Test
  void flowDestinationsToo() {
    FlowLogRecord f = FlowLogRecord.parse(
        "2 111122223333 eni-0a1b2c3d 10.0.0.5 198.51.100.9 49152 443 6 10 5000 1710406800"
            + " 1710406860 ACCEPT OK");
    Rule out = Rule.builder("egress-us").logSource(LogSource.of(io.cloudir.model.SourceType.VPC_FLOW))
        .when(Field.of("geo.destination.country").equalsAny("US")).build();
    assertEquals(1, run(EngineOptions.defaults().ipEnricher(TABLE), out, f).size());
  }

  @Test
  void unknownGeoFieldsAreCompileErrors() {
    Rule bad = Rule.builder("bad").logSource(LogSource.cloudTrail())
        .when(Field.of("geo.source.city").equalsAny("x")).build();
    RuleException ex = assertThrows(RuleException.class, () -> Engine.compile(List.of(bad)));
    assertTrue(ex.getMessage().contains("geo.source.country"), ex.getMessage());
    Rule noDst = Rule.builder("nodst").logSource(LogSource.cloudTrail())
        .when(Field.of("geo.destination.country").equalsAny("x")).build();
    assertThrows(RuleException.class, () -> Engine.compile(List.of(noDst)));
  }

  @Test
  @Tag("corpus")
  void realGeoDatabaseAnswersThroughTheEngine() throws Exception {
    Path mmdb = Path.of(System.getProperty("cloudir.shared", "../../shared"), "geo",
        "geo-whois-asn-country.mmdb");
    Assertions.assertTrue(Files.isRegularFile(mmdb), "corpus profile needs ../shared/geo; not present: " + mmdb);
    IpEnricher geo = MaxMindEnricher.open(mmdb);
    // whatever the database says for this address (its data is not a source of truth), the
    // engine must see the same country
    IpEnricher.Info info = geo.lookup(IpAddress.parse("203.0.113.7"));
    CloudTrailEvent e = event("");
    String country = info == null ? null : info.country();
    Rule any = Rule.builder("any").logSource(LogSource.cloudTrail())
        .when(Field.of("geo.source.country").exists()).build();
    assertEquals(country == null ? 0 : 1, run(EngineOptions.defaults().ipEnricher(geo), any, e)
        .size());
    // a well-known public resolver address the database places in some country
    String known = null;
    IpEnricher.Info g = null;
    for (String ip : List.of("8.8.8.8", "1.1.1.1", "9.9.9.9", "208.67.222.222", "4.2.2.2")) {
      g = geo.lookup(IpAddress.parse(ip));
      if (g != null && g.country() != null) {
        known = ip;
        break;
      }
    }
    assertTrue(known != null && g != null, "the database places none of five public resolvers");
    CloudTrailEvent withKnown = CloudTrailEvent.parse(event("").toJson()
        .replace("203.0.113.7", known));
    assertEquals(1, run(EngineOptions.defaults().ipEnricher(geo), fromCountry(g.country()),
        withKnown).size());
  }
}
