package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudir parse --type s3-access|alb|auto} writes the DESIGN §8 JSON for S3 access and
 * load balancer logs: documented field names in lower snake case, {@code ip:port} split into
 * {@code <name>_ip}/{@code <name>_port}, numbers as numbers, {@code -} as null.
 */
class ParseS3AndLoadBalancerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static final String S3 = "79a5 amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a5 3E57427F3EXAMPLE"
      + " REST.GET.VERSIONING - \"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\""
      + " \"S3Console/0.4\" - s9lzHYrF= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader"
      + " amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2"
      + " arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes us-east-1";

  static final String S3_JSON = "{\"bucket_owner\":\"79a5\",\"bucket\":\"amzn-s3-demo-bucket1\","
      + "\"time\":\"2019-02-06T00:00:38Z\",\"remote_ip\":\"192.0.2.3\",\"requester\":\"79a5\","
      + "\"request_id\":\"3E57427F3EXAMPLE\",\"operation\":\"REST.GET.VERSIONING\",\"key\":null,"
      + "\"request_uri\":\"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\",\"http_status\":200,"
      + "\"error_code\":null,\"bytes_sent\":113,\"object_size\":null,\"total_time\":7,\"turn_around_time\":null,"
      + "\"referer\":null,\"user_agent\":\"S3Console/0.4\",\"version_id\":null,\"host_id\":\"s9lzHYrF=\","
      + "\"signature_version\":\"SigV4\",\"cipher_suite\":\"ECDHE-RSA-AES128-GCM-SHA256\","
      + "\"authentication_type\":\"AuthHeader\",\"host_header\":\"amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com\","
      + "\"tls_version\":\"TLSV1.2\",\"access_point_arn\":\"arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP\","
      + "\"acl_required\":\"Yes\",\"source_region\":\"us-east-1\"}";

  static final String ALB = "http 2018-11-30T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188"
      + " 192.168.131.39:2817 - 0.000 0.001 0.000 502 - 34 366 \"GET http://www.example.com:80/ HTTP/1.1\""
      + " \"curl/7.46.0\" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337364-23a8c76965a2ef7629b185e3\" \"-\" \"-\" 0 2018-11-30T22:22:48.364000Z \"forward\" \"-\""
      + " \"LambdaInvalidResponse\" \"-\" \"-\" \"-\" \"-\"";

  static final String ALB_JSON = "{\"type\":\"http\",\"time\":\"2018-11-30T22:23:00.186641Z\","
      + "\"elb\":\"app/my-loadbalancer/50dc6c495c0c9188\",\"client_ip\":\"192.168.131.39\",\"client_port\":2817,"
      + "\"target_ip\":null,\"target_port\":null,\"request_processing_time\":0.000,\"target_processing_time\":0.001,"
      + "\"response_processing_time\":0.000,\"elb_status_code\":502,\"target_status_code\":null,"
      + "\"received_bytes\":34,\"sent_bytes\":366,\"request\":\"GET http://www.example.com:80/ HTTP/1.1\","
      + "\"user_agent\":\"curl/7.46.0\",\"ssl_cipher\":null,\"ssl_protocol\":null,"
      + "\"target_group_arn\":\"arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067\","
      + "\"trace_id\":\"Root=1-58337364-23a8c76965a2ef7629b185e3\",\"domain_name\":null,\"chosen_cert_arn\":null,"
      + "\"matched_rule_priority\":0,\"request_creation_time\":\"2018-11-30T22:22:48.364000Z\","
      + "\"actions_executed\":\"forward\",\"redirect_url\":null,\"error_reason\":\"LambdaInvalidResponse\","
      + "\"target_port_list\":null,\"target_status_code_list\":null,\"classification\":null,"
      + "\"classification_reason\":null}";

  static final String NLB = "tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd"
      + " 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19"
      + " - ECDHE-RSA-AES128-SHA tlsv12 - my-nlb.elb.us-east-2.amazonaws.com h2 h2 \"h2\",\"http/1.1\" 2018-12-20T02:59:30";

  static final String NLB_JSON = "{\"type\":\"tls\",\"version\":\"2.0\",\"time\":\"2018-12-20T02:59:40Z\","
      + "\"elb\":\"net/my-network-loadbalancer/c6e77e28c25b2234\",\"listener\":\"g3d4b5e8bb8464cd\","
      + "\"client_ip\":\"72.21.218.154\",\"client_port\":51341,\"destination_ip\":\"172.100.100.185\","
      + "\"destination_port\":443,\"connection_time\":5,\"tls_handshake_time\":2,\"received_bytes\":98,"
      + "\"sent_bytes\":246,\"incoming_tls_alert\":null,"
      + "\"chosen_cert_arn\":\"arn:aws:acm:us-east-2:671290407336:certificate/2a108f19\",\"chosen_cert_serial\":null,"
      + "\"tls_cipher\":\"ECDHE-RSA-AES128-SHA\",\"tls_protocol_version\":\"tlsv12\",\"tls_named_group\":null,"
      + "\"domain_name\":\"my-nlb.elb.us-east-2.amazonaws.com\",\"alpn_fe_protocol\":\"h2\",\"alpn_be_protocol\":\"h2\","
      + "\"alpn_client_preference_list\":\"\\\"h2\\\",\\\"http/1.1\\\"\",\"tls_connection_creation_time\":\"2018-12-20T02:59:30Z\"}";

  static final String CLB = "2015-05-13T23:39:43.945958Z my-loadbalancer [2001:db8::5]:2817 - -1 -1 -1 504 - 0 0"
      + " \"GET http://www.example.com:80/ HTTP/1.1\" \"-\" - -";

  static final String CLB_JSON = "{\"time\":\"2015-05-13T23:39:43.945958Z\",\"elb\":\"my-loadbalancer\","
      + "\"client_ip\":\"2001:db8::5\",\"client_port\":2817,\"backend_ip\":null,\"backend_port\":null,"
      + "\"request_processing_time\":-1,\"backend_processing_time\":-1,\"response_processing_time\":-1,"
      + "\"elb_status_code\":504,\"backend_status_code\":null,\"received_bytes\":0,\"sent_bytes\":0,"
      + "\"request\":\"GET http://www.example.com:80/ HTTP/1.1\",\"user_agent\":null,\"ssl_cipher\":null,"
      + "\"ssl_protocol\":null}";

  private Path file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void s3AccessJsonShape() throws Exception {
    Path f = file("s3.log", S3 + "\n");
    for (String type : List.of("s3-access", "auto")) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals(List.of(S3_JSON), r.outLines());
      assertTrue(r.lastErrLine().startsWith("parsed=1 rejected=0"), r.err());
    }
    JsonNode j = JSON.readTree(S3_JSON);
    assertTrue(j.get("http_status").isIntegralNumber() && j.get("key").isNull());
  }

  @Test
  void loadBalancerJsonShapes() throws Exception {
    String control = "Enable AccessLog for ELB: app/my-loadbalancer/50dc6c495c0c9188 at 2018-11-30T22:20:00.000Z";
    Path f = file("elb.log", control + "\n" + ALB + "\n" + NLB + "\n" + CLB + "\n");
    for (String type : List.of("alb", "auto")) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals(List.of(ALB_JSON, NLB_JSON, CLB_JSON), r.outLines());
      assertTrue(r.lastErrLine().startsWith("parsed=3 rejected=0 warnings=0 skipped=1"), r.err());
    }
    assertEquals(0.001, JSON.readTree(ALB_JSON).get("target_processing_time").asDouble());
  }

  @Test
  void malformedLinesGoToTheRejectsFileAndExitTwo() throws Exception {
    Path f = file("bad.log", ALB + "\nhttp 2018-11-30T22:23:00.186641Z app/x 1.2.3.4:5 - 0 0 0\n" + ALB + "\n");
    Path rejects = dir.resolve("rejects.jsonl");
    CliRun r = CliRun.run("parse", "--type", "alb", "--rejects", rejects.toString(), f.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(2, r.outLines().size());
    List<String> rej = Files.readAllLines(rejects);
    assertEquals(1, rej.size());
    JsonNode x = JSON.readTree(rej.get(0));
    assertEquals(2, x.get("line").asInt());
    assertTrue(x.get("reason").asText().contains("expected at least 18 fields"), rej.get(0));
    assertTrue(r.lastErrLine().startsWith("parsed=2 rejected=1"), r.err());
  }
}
