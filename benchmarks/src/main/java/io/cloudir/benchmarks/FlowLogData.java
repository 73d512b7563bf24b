package io.cloudir.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic VPC flow log files for {@link FlowLogParseBenchmark}: a header line, then lines of
 * the default version 2 format or of the documented version 5 custom format, with a realistic mix
 * (about 8 % NODATA/SKIPDATA with dashes, 3 % IPv6, TCP/UDP/ICMP, ACCEPT/REJECT, 200 interfaces).
 *
 * <p>Stateless and thread-safe.
 */
public final class FlowLogData {
  /** Default size: 50 MiB. */
  public static final int DEFAULT_SIZE = 50 * 1024 * 1024;
  /** Default seed. */
  public static final long DEFAULT_SEED = 20240311L;
  /** The default format's header. */
  public static final String V2_HEADER =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
  /** The version 5 custom format of the AWS documentation's example. */
  public static final String V5_HEADER = "version srcaddr dstaddr srcport dstport protocol start end type packets bytes"
      + " account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action"
      + " tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction"
      + " log-status";

  private FlowLogData() {}

  /** About {@code size} bytes of whole lines of the {@code v2} or {@code v5} format. */
  public static byte[] generate(String version, long seed, int size) {
    boolean v5 = version.equals("v5");
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(size + 1024);
    sb.append(v5 ? V5_HEADER : V2_HEADER).append('\n');
    String[] services = {"-", "-", "-", "S3", "DYNAMODB", "EC2", "AMAZON"};
    while (sb.length() < size) {
      String eni = "eni-0" + Long.toHexString(0x1000000000000L + r.nextInt(200));
      String account = "1234567890" + (10 + r.nextInt(5));
      long start = 1_700_000_000L + r.nextInt(86_400);
      long end = start + r.nextInt(60);
      int kind = r.nextInt(100);
      if (kind < 8) {
        String status = kind < 6 ? "NODATA" : "SKIPDATA";
        if (v5) {
          sb.append("5 - - - - - ").append(start).append(' ').append(end).append(" - - - ").append(account)
              .append(" vpc-0abc - - ").append(eni).append(" us-east-1 use1-az1 - - - - - - - - - - ")
              .append(status);
        } else {
          sb.append("2 ").append(account).append(' ').append(eni).append(" - - - - - - - ").append(start).append(' ')
              .append(end).append(" - ").append(status);
        }
        sb.append('\n');
        continue;
      }
      boolean v6 = kind >= 97;
      String src = v6 ? "2001:db8:" + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(r.nextInt(65536))
          : "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
      String dst = v6 ? "2600:1f18::" + Integer.toHexString(r.nextInt(65536))
          : (r.nextBoolean() ? "172.31." : (r.nextInt(223) + 1) + "." + r.nextInt(256) + ".") + r.nextInt(256) + "."
              + (1 + r.nextInt(254));
      int proto = r.nextInt(10) < 7 ? 6 : r.nextInt(3) < 2 ? 17 : 1;
      int sport = proto == 1 ? 0 : 1024 + r.nextInt(64000);
      int dport = proto == 1 ? 0 : new int[] {443, 80, 22, 53, 3389, 5432, 8080}[r.nextInt(7)];
      long packets = 1 + r.nextInt(2000);
      long bytes = packets * (40 + r.nextInt(1400));
      String action = r.nextInt(10) < 8 ? "ACCEPT" : "REJECT";
      if (v5) {
        sb.append("5 ").append(src).append(' ').append(dst).append(' ').append(sport).append(' ').append(dport)
            .append(' ').append(proto).append(' ').append(start).append(' ').append(end).append(v6 ? " IPv6 " : " IPv4 ")
            .append(packets).append(' ').append(bytes).append(' ').append(account).append(" vpc-0abcdef")
            .append(r.nextInt(10)).append(" subnet-0aaaa").append(r.nextInt(30)).append(" i-0c50d5961bcb")
            .append(Integer.toHexString(0x10000 + r.nextInt(500))).append(' ').append(eni)
            .append(" us-east-1 use1-az").append(1 + r.nextInt(6)).append(" - - ").append(action).append(' ')
            .append(proto == 6 ? new int[] {2, 18, 3, 19, 1, 4}[r.nextInt(6)] : 0).append(' ').append(src).append(' ')
            .append(dst).append(' ').append(services[r.nextInt(services.length)]).append(' ')
            .append(services[r.nextInt(services.length)]).append(' ')
            .append(r.nextBoolean() ? "-" : Integer.toString(1 + r.nextInt(8))).append(' ')
            .append(r.nextBoolean() ? "ingress" : "egress").append(" OK");
      } else {
        sb.append("2 ").append(account).append(' ').append(eni).append(' ').append(src).append(' ').append(dst)
            .append(' ').append(sport).append(' ').append(dport).append(' ').append(proto).append(' ').append(packets)
            .append(' ').append(bytes).append(' ').append(start).append(' ').append(end).append(' ').append(action)
            .append(" OK");
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
