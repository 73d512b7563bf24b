package io.cloudir.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic Route 53 Resolver query log input for benchmarks: JSON lines with a realistic
 * mix of query types, rcodes, 0–3 answers, instance and endpoint sources, and occasional DNS
 * Firewall fields.
 *
 * <p>Stateless and thread-safe.
 */
public final class ResolverData {
  /** Default size in bytes. */
  public static final int DEFAULT_SIZE = 32 << 20;

  private static final String[] TYPES = {"A", "A", "A", "AAAA", "AAAA", "PTR", "TXT", "CNAME", "SRV", "HTTPS"};
  private static final String[] RCODES = {"NOERROR", "NOERROR", "NOERROR", "NOERROR", "NXDOMAIN", "SERVFAIL"};
  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"};

  private ResolverData() {}

  /**
   * Generates about {@code size} bytes of Resolver JSON lines.
   *
   * @param seed the seed
   * @param size the approximate size in bytes
   * @return the input
   */
  public static byte[] generate(long seed, int size) {
    SplittableRandom r = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
    StringBuilder sb = new StringBuilder(1024);
    long sec = 1_710_000_000L;
    while (out.size() < size) {
      sb.setLength(0);
      sec += r.nextInt(3);
      java.time.Instant t = java.time.Instant.ofEpochSecond(sec);
      String type = TYPES[r.nextInt(TYPES.length)];
      String rcode = RCODES[r.nextInt(RCODES.length)];
      int region = r.nextInt(REGIONS.length);
      sb.append("{\"version\":\"1.100000\",\"account_id\":\"11112222333").append(region).append("\",\"region\":\"")
          .append(REGIONS[region]).append("\",\"vpc_id\":\"vpc-0").append(WafData.hex(r, 16)).append("\",\"query_timestamp\":\"")
          .append(t).append("\",\"query_name\":\"").append(r.nextBoolean() ? "api" + r.nextInt(50) + ".example.com." : WafData.hex(r, 10) + ".s3.amazonaws.com.")
          .append("\",\"query_type\":\"").append(type).append("\",\"query_class\":\"IN\",\"rcode\":\"").append(rcode)
          .append("\",\"answers\":[");
      int na = rcode.equals("NOERROR") ? r.nextInt(4) : 0;
      for (int a = 0; a < na; a++) {
        sb.append(a == 0 ? "" : ",").append("{\"Rdata\":\"").append(r.nextInt(1, 224)).append('.').append(r.nextInt(256))
            .append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256)).append("\",\"Type\":\"A\",\"Class\":\"IN\"}");
      }
      sb.append("],\"srcaddr\":\"10.").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256))
          .append("\",\"srcport\":\"").append(r.nextInt(1024, 65536)).append("\",\"transport\":\"").append(r.nextInt(10) == 0 ? "TCP" : "UDP")
          .append("\",\"srcids\":{");
      if (r.nextInt(5) == 0) {
        sb.append("\"resolver_endpoint\":\"rslvr-in-").append(WafData.hex(r, 17)).append("\",\"resolver_network_interface\":\"rni-")
            .append(WafData.hex(r, 17)).append('"');
      } else {
        sb.append("\"instance\":\"i-0").append(WafData.hex(r, 16)).append('"');
      }
      sb.append('}');
      if (r.nextInt(20) == 0) {
        sb.append(",\"firewall_rule_action\":\"BLOCK\",\"firewall_rule_group_id\":\"rslvr-frg-").append(WafData.hex(r, 17))
            .append("\",\"firewall_domain_list_id\":\"rslvr-fdl-").append(WafData.hex(r, 17)).append('"');
      }
      sb.append("}\n");
      out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
