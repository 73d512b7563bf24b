package io.cloudir.model.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Round trips: values → line → record → (line, JSON) → the same values, for random formats made
 * of every known field (and unknown names), with dashes mixed in.
 */
class FlowLogRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FlowLogField[] ALL = FlowLogField.values();

  /** A random value of a field's kind (no dash). */
  private static String value(FlowLogField f, SplittableRandom r) {
    return switch (f.kind()) {
      case NUMBER -> Long.toString(switch (f) {
        case SRCPORT, DSTPORT -> r.nextInt(65536);
        case PROTOCOL, TCP_FLAGS -> r.nextInt(256);
        case TRAFFIC_PATH -> 1 + r.nextInt(8);
        case VERSION -> 10;
        case START -> 1_600_000_000L + r.nextInt(1000);
        case END -> 1_700_000_000L + r.nextInt(1000);
        default -> r.nextLong(Long.MAX_VALUE);
      });
      case ADDRESS -> r.nextBoolean() ? IpAddress.ofV4(r.nextInt()).toString()
          : IpAddress.ofV6(r.nextLong(), r.nextLong()).toString();
      case STRING -> switch (f) {
        case ACTION -> r.nextBoolean() ? "ACCEPT" : "REJECT";
        case LOG_STATUS -> "OK";
        case TYPE -> "IPv6";
        case FLOW_DIRECTION -> "ingress";
        case SUBLOCATION_TYPE -> "outpost";
        case REJECT_REASON -> "BPA";
        case RESOURCE_TYPE -> "TransitGateway";
        case ENCRYPTION_STATUS -> Integer.toString(r.nextInt(4));
        default -> f.awsName().substring(0, 3) + "-" + Long.toHexString(r.nextLong()) + "é";
      };
    };
  }

  @Test
  void randomRecordsRoundTripThroughLineAndJson() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, ALL.length)).checkAssert((seed, n) -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<FlowLogField> pool = new ArrayList<>(List.of(ALL));
      List<String> names = new ArrayList<>();
      List<FlowLogField> fields = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        FlowLogField f = pool.remove(r.nextInt(pool.size()));
        fields.add(f);
        names.add(f.awsName());
      }
      if (r.nextInt(4) == 0) {
        names.add(r.nextInt(names.size() + 1), "future-field-" + r.nextInt(100));
        fields.add(null);
      }
      FlowLogFormat format = FlowLogFormat.ofNames(names);
      FlowLogRecord.Builder b = FlowLogRecord.builder(format);
      List<String> expected = new ArrayList<>();
      for (String name : names) {
        FlowLogField f = FlowLogField.ofName(name);
        String v = r.nextInt(5) == 0 ? null : f == null ? "x" + r.nextInt(1000) : value(f, r);
        b.set(name, v);
        expected.add(v);
      }
      FlowLogRecord rec = b.build();
      assertEquals(rec, FlowLogRecord.parse(rec.toLine(), format), "line round trip");
      assertEquals(FlowLogFormat.parse(format.toFormatString()), format, "format string round trip");
      assertEquals(FlowLogFormat.parse(format.toHeaderLine()), format, "header round trip");
      JsonNode j;
      try {
        j = JSON.readTree(rec.toJson());
      } catch (Exception e) {
        throw new AssertionError(rec.toJson(), e);
      }
      assertEquals(names.size(), j.size());
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        JsonNode v = j.get(name);
        String want = expected.get(i);
        FlowLogField f = format.field(i);
        if (want == null) {
          assertTrue(v.isNull(), name);
          assertTrue(rec.text(name) == null);
          continue;
        }
        assertEquals(want, rec.text(name), name);
        if (f != null && f.isJsonNumber()) {
          assertTrue(v.isIntegralNumber(), name + " is a JSON number");
          assertEquals(Long.parseLong(want), v.asLong(), name);
          assertEquals(Long.parseLong(want), rec.number(f), name);
        } else {
          assertEquals(want, v.asText(), name);
        }
        if (f != null && f.kind() == FlowLogField.Kind.ADDRESS) {
          assertEquals(IpAddress.parse(want), f == FlowLogField.SRCADDR ? rec.srcaddr()
              : f == FlowLogField.DSTADDR ? rec.dstaddr() : f == FlowLogField.PKT_SRCADDR ? rec.pktSrcaddr()
              : rec.pktDstaddr());
        }
      }
      assertTrue(rec.warnings().stream().allMatch(w -> w.code().equals("start.absent")), rec.warnings().toString());
    });
  }

  @Test
  void tcpFlagsDecodeEveryByte() {
    Gen<Integer> bytes = integers().between(0, 255);
    qt().forAll(bytes).checkAssert(bits -> {
      TcpFlags t = TcpFlags.of(bits);
      int rebuilt = 0;
      for (String name : t.names()) {
        rebuilt |= switch (name) {
          case "FIN" -> TcpFlags.FIN;
          case "SYN" -> TcpFlags.SYN;
          case "RST" -> TcpFlags.RST;
          case "PSH" -> TcpFlags.PSH;
          case "ACK" -> TcpFlags.ACK;
          case "URG" -> TcpFlags.URG;
          case "ECE" -> TcpFlags.ECE;
          case "CWR" -> TcpFlags.CWR;
          default -> throw new AssertionError(name);
        };
      }
      assertEquals((int) bits, rebuilt);
      assertEquals((bits & 18) == 18, t.synAck());
    });
  }
}
