package io.cloudir.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.RecordStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real Route 53 Resolver query log record (the AWS documentation's example, from the corpus)
 * placed in a timeline beside the CloudTrail launch of the instance that made the query: the DNS
 * entry is tied to that instance and its role, and counted on the instance entity.
 */
@Tag("corpus")
class ResolverTimelineTest {
  private static final String INSTANCE = "i-0d15cd0d3example"; // srcids.instance in the record

  @Test
  void dnsQueryIsTiedToTheLaunchedInstanceAndItsRole() throws Exception {
    Path f = Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus",
        "route53_resolver", "aws_docs_examples", "resolver_query_log_example.json");
    Assumptions.assumeTrue(Files.isRegularFile(f), "corpus not present: " + f);
    List<LogRecord> all = new ArrayList<>();
    try (RecordStream rs = LogReader.create().open(f)) {
      rs.forEach(all::add);
    }
    assertEquals(1, all.size());
    // the launch, written for this test, ten minutes before the query (2021-02-04T17:51:55Z)
    String profile = "arn:aws:iam::111122223333:instance-profile/web";
    String launch = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + Ev.user("alice",
        "AKIAALICE0000000001") + ",\"eventTime\":\"2021-02-04T17:41:55Z\",\"eventSource\":"
        + "\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"awsRegion\":\"us-east-1\","
        + "\"requestParameters\":{},\"responseElements\":{\"instancesSet\":{\"items\":[{"
        + "\"instanceId\":\"" + INSTANCE + "\",\"privateIpAddress\":\"4.5.64.102\","
        + "\"iamInstanceProfile\":{\"arn\":\"" + profile + "\"}}]}},\"eventID\":\"launch-1\","
        + "\"recipientAccountId\":\"111122223333\"}";
    all.add(0, CloudTrailEvent.parse(launch.getBytes(StandardCharsets.UTF_8),
        Provenance.inMemory()));

    Timeline tl = Timeline.of(all);
    assertEquals(2, tl.entries().size());
    TimelineEntry dns = tl.entries().get(1);
    assertEquals(SourceType.ROUTE53_RESOLVER, dns.source());
    assertEquals("2021-02-04T17:51:55Z", String.valueOf(dns.time()));
    assertEquals(INSTANCE, dns.instance());
    assertEquals(profile, tl.network().instanceProfileOf(INSTANCE));
    assertEquals("launch-1", tl.network().launchEventOf(INSTANCE));
    assertTrue(dns.summary().contains("15.3.4.32.in-addr.arpa"), dns.summary());

    Entity inst = tl.entities(null).get(Entity.Kind.INSTANCE, INSTANCE).orElseThrow();
    assertTrue(inst.dnsNames().stream().anyMatch(n -> n.startsWith("15.3.4.32.in-addr.arpa")),
        inst.dnsNames().toString());
  }
}
