package io.cloudir.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic AWS WAF log input for benchmarks: JSON lines as WAF delivers them to S3 or
 * Firehose, with a realistic mix of sources (CloudFront, ALB, API Gateway, AppSync), actions,
 * managed rule groups, rate-based rules, 6–16 headers (some long: cookies, JWTs), labels, IPv4 and
 * IPv6 clients and TLS fingerprints.
 *
 * <p>Stateless and thread-safe.
 */
public final class WafData {
  /** Default size in bytes. */
  public static final int DEFAULT_SIZE = 32 << 20;

  /** Default seed. */
  public static final long DEFAULT_SEED = 20240311L;

  private static final String[] SOURCES = {"CF", "ALB", "APIGW", "APPSYNC"};
  private static final String[] COUNTRIES = {"US", "DE", "FR", "NL", "CN", "BR", "IN", "JP", "GB", "-"};
  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "HEAD", "OPTIONS"};
  private static final String[] UAS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "curl/8.5.0", "python-requests/2.31.0", "sqlmap/1.7.2#stable (https://sqlmap.org)", "Go-http-client/1.1"
  };
  private static final String[] GROUPS = {
    "AWS#AWSManagedRulesCommonRuleSet", "AWS#AWSManagedRulesAmazonIpReputationList",
    "AWS#AWSManagedRulesKnownBadInputsRuleSet", "AWS#AWSManagedRulesSQLiRuleSet", "AWS#AWSManagedRulesBotControlRuleSet"
  };

  private WafData() {}

  /**
   * Generates about {@code size} bytes of WAF JSON lines.
   *
   * @param seed the seed
   * @param size the approximate size in bytes
   * @return the input
   */
  public static byte[] generate(long seed, int size) {
    SplittableRandom r = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
    StringBuilder sb = new StringBuilder(4096);
    String[] acls = new String[6];
    for (int i = 0; i < acls.length; i++) {
      acls[i] = "arn:aws:wafv2:us-east-1:1111222233" + i + "3:" + (i % 2 == 0 ? "global" : "regional")
          + "/webacl/acl-" + i + "/" + hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
    }
    long ts = 1_710_000_000_000L;
    while (out.size() < size) {
      sb.setLength(0);
      ts += r.nextInt(50);
      String source = SOURCES[r.nextInt(SOURCES.length)];
      int a = r.nextInt(20);
      String action = a < 15 ? "ALLOW" : a < 18 ? "BLOCK" : a < 19 ? "CAPTCHA" : "CHALLENGE";
      boolean byRule = !action.equals("ALLOW");
      String group = GROUPS[r.nextInt(GROUPS.length)];
      sb.append("{\"timestamp\":").append(ts).append(",\"formatVersion\":1,\"webaclId\":\"")
          .append(acls[r.nextInt(acls.length)]).append("\",\"terminatingRuleId\":\"")
          .append(byRule ? group.substring(4) : "Default_Action").append("\",\"terminatingRuleType\":\"")
          .append(byRule ? "MANAGED_RULE_GROUP" : "REGULAR").append("\",\"action\":\"").append(action)
          .append("\",\"terminatingRuleMatchDetails\":[");
      if (byRule && r.nextBoolean()) {
        sb.append("{\"conditionType\":\"SQL_INJECTION\",\"sensitivityLevel\":\"LOW\",\"location\":\"QUERY_STRING\",\"matchedData\":[\"1\",\"OR\",\"1\"]}");
      }
      sb.append("],\"httpSourceName\":\"").append(source).append("\",\"httpSourceId\":\"")
          .append(source.equals("CF") ? "E" + hex(r, 12).toUpperCase(java.util.Locale.ROOT) : "111122223333-app/shop/" + hex(r, 16))
          .append("\",\"ruleGroupList\":[");
      int ng = r.nextInt(4);
      for (int g = 0; g < ng; g++) {
        sb.append(g == 0 ? "" : ",").append("{\"ruleGroupId\":\"").append(GROUPS[(g + ng) % GROUPS.length])
            .append("\",\"terminatingRule\":null,\"nonTerminatingMatchingRules\":[],\"excludedRules\":null,\"customerConfig\":null}");
      }
      sb.append("],\"rateBasedRuleList\":[");
      if (r.nextInt(4) == 0) {
        sb.append("{\"rateBasedRuleId\":\"").append(hex(r, 32)).append("\",\"rateBasedRuleName\":\"rate-1\",\"limitKey\":\"IP\",\"maxRateAllowed\":2000,\"evaluationWindowSec\":")
            .append(r.nextBoolean() ? "300" : "\"120\"").append("}");
      }
      sb.append("],\"nonTerminatingMatchingRules\":[],\"requestHeadersInserted\":null,\"responseCodeSent\":")
          .append(byRule && r.nextBoolean() ? "403" : "null").append(",\"httpRequest\":{\"clientIp\":\"");
      if (r.nextInt(5) == 0) {
        sb.append("2001:db8:").append(Integer.toHexString(r.nextInt(65536))).append("::").append(Integer.toHexString(r.nextInt(65536)));
      } else {
        sb.append(r.nextInt(1, 224)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256));
      }
      String host = "shop" + r.nextInt(5) + ".example.com";
      sb.append("\",\"country\":\"").append(COUNTRIES[r.nextInt(COUNTRIES.length)]).append("\",\"headers\":[");
      sb.append("{\"name\":\"").append(r.nextBoolean() ? "Host" : "host").append("\",\"value\":\"").append(host).append("\"}");
      int nh = r.nextInt(5, 15);
      boolean ua = false;
      for (int h = 0; h < nh; h++) {
        int k = r.nextInt(8);
        sb.append(",{\"name\":\"");
        switch (k) {
          case 0 -> sb.append("accept\",\"value\":\"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
          case 1 -> sb.append("accept-encoding\",\"value\":\"gzip, deflate, br");
          case 2 -> sb.append("accept-language\",\"value\":\"en-US,en;q=0.9");
          case 3 -> sb.append("cookie\",\"value\":\"session=").append(hex(r, 64)).append("; aws-waf-token=").append(hex(r, 96));
          case 4 -> sb.append("authorization\",\"value\":\"Bearer eyJ").append(hex(r, 180)).append('.').append(hex(r, 300));
          case 5 -> sb.append("sec-ch-ua\",\"value\":\"\\\"Chromium\\\";v=\\\"124\\\", \\\"Not-A.Brand\\\";v=\\\"99\\\"");
          case 6 -> sb.append("x-forwarded-for\",\"value\":\"").append(r.nextInt(1, 224)).append(".0.2.").append(r.nextInt(256));
          default -> {
            if (!ua) {
              sb.append(r.nextBoolean() ? "User-Agent" : "user-agent").append("\",\"value\":\"").append(UAS[r.nextInt(UAS.length)]);
              ua = true;
            } else {
              sb.append("cache-control\",\"value\":\"no-cache");
            }
          }
        }
        sb.append("\"}");
      }
      sb.append("],\"uri\":\"/").append(r.nextBoolean() ? "api/v1/items/" + r.nextInt(100000) : "static/" + hex(r, 8) + ".js")
          .append("\",\"args\":\"").append(r.nextInt(3) == 0 ? "q=" + hex(r, 6) + "&page=" + r.nextInt(9) : "")
          .append("\",\"httpVersion\":\"").append(r.nextBoolean() ? "HTTP/2.0" : "HTTP/1.1").append("\",\"httpMethod\":\"")
          .append(METHODS[r.nextInt(METHODS.length)]).append("\",\"requestId\":\"").append(hex(r, 20))
          .append("\",\"fragment\":\"\",\"scheme\":\"https\",\"host\":\"").append(host).append("\"},\"labels\":[");
      int nl = r.nextInt(3);
      for (int l = 0; l < nl; l++) {
        sb.append(l == 0 ? "" : ",").append("{\"name\":\"awswaf:clientip:geo:country:").append(COUNTRIES[r.nextInt(9)]).append("\"}");
      }
      sb.append("],\"ja3Fingerprint\":\"").append(hex(r, 32)).append("\",\"ja4Fingerprint\":\"t13d1516h2_")
          .append(hex(r, 12)).append('_').append(hex(r, 12)).append("\"}\n");
      out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static String hex(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = "0123456789abcdef".charAt(r.nextInt(16));
    }
    return new String(c);
  }
}
