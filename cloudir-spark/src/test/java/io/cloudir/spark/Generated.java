package io.cloudir.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic organisation's logs, written on the fly: CloudTrail delivery files (identity
 * events that mint credentials used later, console sign-ins with and without MFA, failed
 * sign-in bursts, deletions, persistence and tampering calls, new regions, copies of events in a
 * second file), VPC flow log files and Route 53 Resolver query log files, over two days.
 * Every value is invented (account 111122223333, documentation address ranges).
 */
final class Generated {
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
  private static final long SPAN = 2 * 86_400;
  private static final String ACCOUNT = "111122223333";
  private static final String[] NOISE = {"DescribeInstances", "GetObject", "ListBuckets",
      "Decrypt", "GetCallerIdentity", "DescribeSecurityGroups", "PutObject", "ListRoles"};
  private static final String[] NOISE_SOURCE = {"ec2", "s3", "s3", "kms", "sts", "ec2", "s3",
      "iam"};
  private static final String[] REGIONS = {"eu-west-1", "ap-southeast-2", "sa-east-1",
      "me-south-1", "af-south-1"};

  private final SplittableRandom rnd;
  private final List<String[]> sessions = new ArrayList<>(); // {key, roleArn, session}
  private long ids;
  private long keys;

  /** Counts of what was written. */
  record Stats(long events, long cloudTrail, long flow, long dns, long duplicates, int files) {}

  private Generated(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** Writes about {@code events} records into {@code dir} in files of about {@code perFile}. */
  static Stats write(Path dir, long events, int perFile, long seed) {
    return new Generated(seed).run(dir, events, perFile);
  }

  private Stats run(Path dir, long events, int perFile) {
    int files = (int) Math.max(1, events / perFile);
    long ct = 0;
    long flow = 0;
    long dns = 0;
    long dups = 0;
    List<String> carried = new ArrayList<>();
    try {
      for (int f = 0; f < files; f++) {
        long from = START + SPAN * f / files;
        long to = START + SPAN * (f + 1) / files;
        int kind = f % 10; // 5 CloudTrail, 4 flow, 1 DNS in 10 files
        if (kind < 5) {
          List<String> recs = new ArrayList<>(carried);
          dups += carried.size();
          carried.clear();
          for (int i = 0; i < perFile; i++) {
            String e = cloudTrail(from + rnd.nextLong(to - from));
            recs.add(e);
            if (rnd.nextInt(400) == 0) {
              carried.add(e); // delivered again in the next file
            }
          }
          ct += recs.size();
          shuffle(recs);
          Path p = dir.resolve(String.format("AWSLogs/%s/CloudTrail/us-east-1/%s_CloudTrail_%05d.json",
              ACCOUNT, ACCOUNT, f));
          Files.createDirectories(p.getParent());
          try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("{\"Records\":[");
            for (int i = 0; i < recs.size(); i++) {
              w.write(i == 0 ? "" : ",\n");
              w.write(recs.get(i));
            }
            w.write("]}\n");
          }
        } else if (kind < 9) {
          Path p = dir.resolve(String.format("AWSLogs/%s/vpcflowlogs/us-east-1/flow_%05d.log",
              ACCOUNT, f));
          Files.createDirectories(p.getParent());
          try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("version account-id interface-id srcaddr dstaddr srcport dstport protocol"
                + " packets bytes start end action log-status\n");
            for (int i = 0; i < perFile; i++) {
              w.write(flow(from + rnd.nextLong(to - from)));
              w.write('\n');
            }
          }
          flow += perFile;
        } else {
          Path p = dir.resolve(String.format("AWSLogs/%s/vpcdnsquerylogs/vpc-0a1b2c3d/dns_%05d.log",
              ACCOUNT, f));
          Files.createDirectories(p.getParent());
          try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int i = 0; i < perFile; i++) {
              w.write(dns(from + rnd.nextLong(to - from)));
              w.write('\n');
            }
          }
          dns += perFile;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Stats(ct + flow + dns, ct, flow, dns, dups, files);
  }

  private void shuffle(List<String> l) {
    for (int i = l.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = l.get(i);
      l.set(i, l.get(j));
      l.set(j, t);
    }
  }

  private static String time(long s) {
    return Instant.ofEpochSecond(s).toString();
  }

  private String attacker() {
    return "203.0.113." + (1 + rnd.nextInt(6));
  }

  private String user() {
    return "user" + rnd.nextInt(40);
  }

  private String userIdentity(String user) {
    return "{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + user.toUpperCase(java.util.Locale.ROOT) + "\",\"arn\":"
        + "\"arn:aws:iam::" + ACCOUNT + ":user/" + user + "\",\"accountId\":\"" + ACCOUNT
        + "\",\"accessKeyId\":\"AKIA" + user.toUpperCase(java.util.Locale.ROOT) + "EXAMPLE\",\"userName\":\"" + user
        + "\"}";
  }

  private String roleIdentity(String[] s) {
    String role = s[1].substring(s[1].lastIndexOf('/') + 1);
    return "{\"type\":\"AssumedRole\",\"principalId\":\"AROA" + role.toUpperCase(java.util.Locale.ROOT) + ":" + s[2]
        + "\",\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + s[2]
        + "\",\"accountId\":\"" + ACCOUNT + "\",\"accessKeyId\":\"" + s[0] + "\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROA"
        + role.toUpperCase(java.util.Locale.ROOT) + "\",\"arn\":\"" + s[1] + "\",\"accountId\":\"" + ACCOUNT
        + "\",\"userName\":\"" + role + "\"},\"attributes\":{\"creationDate\":"
        + "\"2026-03-01T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}}";
  }

  private String event(String identity, long t, String source, String name, String region,
      String ip, String request, String response, String extra) {
    long id = ids++;
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + identity + ",\"eventTime\":\""
        + time(t) + "\",\"eventSource\":\"" + source + ".amazonaws.com\",\"eventName\":\"" + name
        + "\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\"" + ip + "\","
        + "\"userAgent\":\"aws-cli/2.15.30\",\"requestParameters\":" + request
        + ",\"responseElements\":" + response + extra + ",\"requestID\":\"req-" + id
        + "\",\"eventID\":\"" + uuid(id) + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
        + "\"managementEvent\":true,\"recipientAccountId\":\"" + ACCOUNT + "\"}";
  }

  private static String uuid(long id) {
    return String.format("%08x-0000-4000-8000-%012x", (int) (id >>> 32), id & 0xffffffffffffL);
  }

  private String cloudTrail(long t) {
    int k = rnd.nextInt(1000);
    String u = user();
    String ip = "198.51.100." + rnd.nextInt(250);
    String region = rnd.nextInt(3000) == 0 ? REGIONS[rnd.nextInt(REGIONS.length)] : "us-east-1";
    if (k < 40) { // AssumeRole: a new temporary key, used later
      String key = String.format("ASIA%016d", keys++);
      String role = "arn:aws:iam::" + ACCOUNT + ":role/app-" + rnd.nextInt(8);
      String session = "s" + keys;
      if (sessions.size() < 300) {
        sessions.add(new String[] {key, role, session});
      } else {
        sessions.set(rnd.nextInt(sessions.size()), new String[] {key, role, session});
      }
      return event(userIdentity(u), t, "sts", "AssumeRole", region, ip,
          "{\"roleArn\":\"" + role + "\",\"roleSessionName\":\"" + session + "\"}",
          "{\"credentials\":{\"accessKeyId\":\"" + key + "\",\"expiration\":\"" + time(t + 3600)
              + "\"},\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::" + ACCOUNT + ":assumed-role/"
              + role.substring(role.lastIndexOf('/') + 1) + "/" + session + "\"}}", "");
    }
    if (k < 55) { // console sign-in; failures concentrate on a few addresses
      boolean fail = rnd.nextInt(3) == 0;
      String from = fail ? attacker() : ip;
      return event(userIdentity(fail ? "user" + rnd.nextInt(12) : u), t, "signin",
          "ConsoleLogin", region, from, "null",
          "{\"ConsoleLogin\":\"" + (fail ? "Failure" : "Success") + "\"}",
          ",\"additionalEventData\":{\"MFAUsed\":\"" + (rnd.nextBoolean() ? "Yes" : "No")
              + "\"}" + (fail ? ",\"errorMessage\":\"Failed authentication\"" : ""));
    }
    String identity = !sessions.isEmpty() && rnd.nextBoolean()
        ? roleIdentity(sessions.get(rnd.nextInt(sessions.size()))) : userIdentity(u);
    if (k < 70) { // deletions, bursty for some actors
      String actor = rnd.nextInt(4) == 0 ? userIdentity("user" + rnd.nextInt(3)) : identity;
      return event(actor, t, "s3", "DeleteObject", region, ip,
          "{\"bucketName\":\"data-" + rnd.nextInt(5) + "\",\"key\":\"k" + rnd.nextInt(1 << 20)
              + "\"}", "null", "");
    }
    if (k == 70) {
      return event(identity, t, "cloudtrail", "StopLogging", region, attacker(),
          "{\"name\":\"management-events\"}", "null", "");
    }
    if (k == 71) {
      return event(identity, t, "iam", "CreateUser", region, ip,
          "{\"userName\":\"svc-" + rnd.nextInt(100) + "\"}", "null", "");
    }
    if (k == 72) {
      return event(identity, t, "iam", "AttachUserPolicy", region, ip,
          "{\"userName\":\"svc-" + rnd.nextInt(100) + "\",\"policyArn\":"
              + "\"arn:aws:iam::aws:policy/AdministratorAccess\"}", "null", "");
    }
    if (k == 73) {
      return event(identity, t, "iam", "CreateAccessKey", region, ip,
          "{\"userName\":\"svc-" + rnd.nextInt(100) + "\"}",
          "{\"accessKey\":{\"accessKeyId\":\"AKIANEW" + rnd.nextInt(1000) + "\"}}", "");
    }
    if (k == 74) {
      String cidr = rnd.nextBoolean() ? "0.0.0.0/0" : attacker() + "/32";
      return event(identity, t, "ec2", "AuthorizeSecurityGroupIngress", region, ip,
          "{\"groupId\":\"sg-0" + rnd.nextInt(50) + "\",\"ipPermissions\":{\"items\":[{"
              + "\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":"
              + "[{\"cidrIp\":\"" + cidr + "\"}]}}]}}", "null", "");
    }
    if (k == 75) {
      String type = rnd.nextInt(4) == 0 ? "p3.16xlarge" : "t3.micro";
      return event(identity, t, "ec2", "RunInstances", region, ip,
          "{\"instanceType\":\"" + type + "\",\"instancesSet\":{\"items\":[{\"imageId\":"
              + "\"ami-0abc\",\"minCount\":1,\"maxCount\":1}]}}", "null", "");
    }
    int n = rnd.nextInt(NOISE.length);
    String err = rnd.nextInt(50) == 0 ? ",\"errorCode\":\"AccessDenied\"" : "";
    return event(identity, t, NOISE_SOURCE[n], NOISE[n], region, ip, "{\"maxResults\":100}",
        "null", err);
  }

  private String flow(long t) {
    boolean bad = rnd.nextInt(200) == 0;
    String src = bad ? attacker() : "10.0." + rnd.nextInt(4) + "." + rnd.nextInt(250);
    String dst = "10.0.1." + rnd.nextInt(30);
    int port = bad ? 22 : (rnd.nextBoolean() ? 443 : 3306);
    return "2 " + ACCOUNT + " eni-0" + rnd.nextInt(20) + " " + src + " " + dst + " "
        + (30000 + rnd.nextInt(30000)) + " " + port + " 6 " + (1 + rnd.nextInt(50)) + " "
        + (60 + rnd.nextInt(50000)) + " " + t + " " + (t + 60) + " "
        + (rnd.nextInt(10) == 0 ? "REJECT" : "ACCEPT") + " OK";
  }

  private String dns(long t) {
    int k = rnd.nextInt(1000);
    String name = k == 0 ? "pool.supportxmr.com." : k < 30 ? "x" + rnd.nextInt(1 << 30)
        + ".example.net." : "s3.amazonaws.com.";
    String rcode = k > 0 && k < 30 ? "NXDOMAIN" : "NOERROR";
    return "{\"version\":\"1.100000\",\"account_id\":\"" + ACCOUNT + "\",\"region\":"
        + "\"us-east-1\",\"vpc_id\":\"vpc-0a1b2c3d\",\"query_timestamp\":\"" + time(t)
        + "\",\"query_name\":\"" + name + "\",\"query_type\":\"A\",\"query_class\":\"IN\","
        + "\"rcode\":\"" + rcode + "\",\"answers\":[],\"srcaddr\":\"10.0.1." + rnd.nextInt(8)
        + "\",\"srcport\":\"40917\",\"transport\":\"UDP\",\"srcids\":{\"instance\":"
        + "\"i-0a1b2c3d4e5f60718\"}}";
  }
}
