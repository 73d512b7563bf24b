package io.cloudir.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.RecordStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Invictus IR AWS dataset ({@code corpus/cloudtrail/invictus_aws_dataset}, 55 files, 2,900
 * events of 2023-07-10, 11:42–12:35 UTC): a Stratus Red Team attack simulation in account
 * {@code 123837392027} (anonymised in the records; the access key ids still encode the real account
 * {@code 218007301253}, which is also in the file names).
 *
 * <p>The real actor chain, as read from the events:
 *
 * <ul>
 *   <li>IAM user {@code bert-jan} with long-term key {@code AKIATFQR7NSC8Q4X20BJ} from {@code
 *       192.168.10.20} (Terraform / Stratus user agent) is the attacker. Its {@code AssumeRole}s
 *       mint role sessions with attacker-chosen names {@code aws-go-sdk-…}: {@code
 *       stratus-red-team-ec2-get-password-data-role} (11:54:47, key {@code
 *       ASIATFQR7NSCWLLE7IWW}, then 29 {@code GetPasswordData} calls, all denied), {@code
 *       …-leave-org-role} (12:02:04), {@code …-get-usr-data-role} (12:02:54, key {@code
 *       ASIATFQR7NSC2632JLFK}), {@code …-ec2lui-role-pcccexdthk} and {@code
 *       …-ec2lui-role-wuzemnoeqa} (12:06:41 / 12:09:30: {@code RunInstances} of up to ten {@code
 *       p2.xlarge}, refused with {@code VcpuLimitExceeded}).
 *   <li>{@code bert-jan} creates ENI {@code eni-076fa9fb98a2500a7} (10.0.1.10) and launches
 *       instance {@code i-0dbc91f429e48eeed} on it with profile {@code
 *       stratus-red-team-ec2-steal-credentials-instance} (11:55:21); EC2 assumes {@code
 *       stratus-red-team-ec2-steal-credentials-role} for it (session name = the instance id, key
 *       {@code ASIATFQR7NSC36DZQP7P}). At 11:57:22 that instance key is used from {@code
 *       192.168.10.20} — the attacker's address, outside the instance — for {@code
 *       GetCallerIdentity} and {@code DescribeInstances}: stolen instance credentials.
 *   <li>Likewise instance {@code i-05c30218156bcc246} (ENI {@code eni-06b7a305fe9519d03}, role
 *       {@code stratus-red-team-ec2-enumerate-role}) whose own key is used by the SSM agent from its
 *       public address {@code 52.45.102.28}.
 *   <li>{@code bert-jan} also signs in to the console from {@code 10.8.8.10} (12:27:45, MFA) and
 *       works with console session keys; a second user {@code benjamin} works from {@code
 *       10.248.16.43}. The IAM user {@code stratus-red-team-nmfalu-gfjyeaypjt} created by the
 *       simulation signs in to the console from {@code 192.168.10.20} at 12:23:15.
 * </ul>
 */
@Tag("corpus")
class InvictusCorpusTest {
  private static final String ACCT = "123837392027";
  private static final String BERT = "arn:aws:iam::" + ACCT + ":user/bert-jan";
  private static final String ATTACKER_IP = "192.168.10.20";

  private static Timeline timeline() throws Exception {
    Path dir = Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus", "cloudtrail",
        "invictus_aws_dataset");
    Assumptions.assumeTrue(Files.isDirectory(dir), "corpus not present: " + dir);
    List<LogRecord> all = new ArrayList<>();
    try (RecordStream rs = LogReader.create().open(dir)) {
      rs.forEach(all::add);
      assertEquals(0, rs.stats().rejected());
    }
    assertEquals(2900, all.size());
    return Timeline.of(all);
  }

  @Test
  void attackerRoleSessionsAreAttributedToBertJan() throws Exception {
    Timeline tl = timeline();
    List<TimelineEntry> viaRoles = tl.entries().stream()
        .filter(e -> e.attribution() != null && !e.attribution().via().isEmpty()
            && e.attribution().via().get(0).roleArn().contains("stratus-red-team-")
            && !e.attribution().via().get(0).roleArn().contains("ec2-steal")
            && !e.attribution().via().get(0).roleArn().contains("ec2-enumerate"))
        .toList();
    assertFalse(viaRoles.isEmpty());
    for (TimelineEntry e : viaRoles) {
      Attribution a = e.attribution();
      assertEquals(BERT, a.origin().id(), e.eventId());
      assertTrue(a.isComplete());
      assertEquals(1, a.via().size());
      assertTrue(a.via().get(0).sessionName().startsWith("aws-go-sdk-"));
      assertEquals("AssumeRole", a.via().get(0).mintEventName());
      assertEquals(ATTACKER_IP, e.sourceIp());
    }
    // the get-password-data session: 29 calls with key ASIATFQR7NSCWLLE7IWW, all by bert-jan
    List<TimelineEntry> pw = tl.select(new TimelineFilter(null, null, null,
        "ASIATFQR7NSCWLLE7IWW", null, null));
    assertEquals(29, pw.size());
    assertTrue(pw.stream().allMatch(e -> "GetPasswordData".equals(e.eventName())
        && BERT.equals(e.principal())));
    // bert-jan's timeline contains those role calls and the p2.xlarge RunInstances attempts
    List<TimelineEntry> bert = tl.select(new TimelineFilter(null, null, BERT, null, null, null));
    long runs = bert.stream().filter(e -> "RunInstances".equals(e.eventName())
        && e.attribution().via().size() == 1).count();
    assertEquals(2, runs);
  }

  @Test
  void stolenInstanceCredentialsAreTiedToTheInstanceAndItsLauncher() throws Exception {
    Timeline tl = timeline();
    List<TimelineEntry> stolen = tl.select(new TimelineFilter(null, null, null,
        "ASIATFQR7NSC36DZQP7P", null, null));
    assertEquals(List.of("GetCallerIdentity", "DescribeInstances"),
        stolen.stream().map(TimelineEntry::eventName).toList());
    for (TimelineEntry e : stolen) {
      Attribution a = e.attribution();
      assertEquals(new Identity(IdentityKind.EC2_INSTANCE, "i-0dbc91f429e48eeed", ACCT), a.origin());
      assertTrue(a.isComplete());
      assertEquals("arn:aws:iam::" + ACCT + ":role/stratus-red-team-ec2-steal-credentials-role",
          a.via().get(0).roleArn());
      assertEquals("55e25aa9-7165-446e-aef6-815c7a79a961", a.via().get(0).mintEventId());
      assertEquals(ATTACKER_IP, e.sourceIp());
      // the key id encodes the real account, which the file names carry
      assertEquals("218007301253", a.keyAccountId());
    }
    NetworkMap net = tl.network();
    assertEquals("i-0dbc91f429e48eeed", net.instanceOfEni("eni-076fa9fb98a2500a7"));
    assertEquals("i-05c30218156bcc246", net.instanceOfEni("eni-06b7a305fe9519d03"));
    assertEquals("arn:aws:iam::" + ACCT + ":role/stratus-red-team-ec2-steal-credentials-role",
        net.roleOf("i-0dbc91f429e48eeed"));
    assertTrue(net.ipsOf("i-0dbc91f429e48eeed").contains("10.0.1.10"));
    // who launched it: the RunInstances that the network map names was bert-jan's
    String launch = net.launchEventOf("i-0dbc91f429e48eeed");
    TimelineEntry run = tl.entries().stream().filter(e -> launch.equals(e.eventId())).findFirst()
        .orElseThrow();
    assertEquals(BERT, run.principal());
    assertEquals(ATTACKER_IP, run.sourceIp());
    // the instance entity shows where its credentials were used from
    Entity inst = tl.entities(null).get(Entity.Kind.INSTANCE, "i-0dbc91f429e48eeed").orElseThrow();
    assertTrue(inst.attributes().get("credentialsUsedFrom").contains(ATTACKER_IP));
  }

  @Test
  void consoleSessionsLinkToTheirSignIn() throws Exception {
    Timeline tl = timeline();
    List<TimelineEntry> console = tl.select(new TimelineFilter(null, null, null,
        "ASIATFQR7NSCS5BLNV76", null, null));
    assertFalse(console.isEmpty());
    for (TimelineEntry e : console) {
      assertEquals(BERT, e.principal());
      assertEquals("8feee4c2-5e27-4857-8475-bfa7e7b6d791", e.attribution().signInEventId());
    }
    // nothing in this dataset needs a guess: every attribution with an identity is complete
    Set<String> partial = tl.entries().stream()
        .filter(e -> e.attribution() != null && !e.attribution().isComplete())
        .map(e -> e.attribution().reason()).collect(Collectors.toSet());
    assertTrue(partial.stream().allMatch(r -> r.contains("names no identity")), partial.toString());
    assertEquals(0, tl.duplicates());
  }
}
