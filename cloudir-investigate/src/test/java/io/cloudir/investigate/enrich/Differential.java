package io.cloudir.investigate.enrich;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;
import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Compares cloudir's MaxMind DB reader with MaxMind's own Java reader (test scope only). */
final class Differential {
  private Differential() {}

  static Reader reader(byte[] db) throws IOException {
    return new Reader(new ByteArrayInputStream(db));
  }

  /** Both readers' answers for one address, normalised. */
  record Answer(@Nullable Object value, int prefixLength) {}

  static Answer theirs(Reader r, IpAddress ip) throws IOException {
    DatabaseRecord<Object> rec = r.getRecord(InetAddress.getByAddress(ip.toBytes()), Object.class);
    Object data = rec.getData();
    return new Answer(data == null ? null : normal(data),
        data == null ? -1 : rec.getNetwork().getPrefixLength());
  }

  static Answer ours(MaxMindDb db, IpAddress ip) {
    MaxMindDb.Match m = db.match(ip);
    return m == null ? new Answer(null, -1) : new Answer(normal(m.value().toJava()), m.prefixLength());
  }

  /** Integers as BigInteger, byte strings as hex, maps and lists recursively. */
  static Object normal(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put((String) e.getKey(), normal(e.getValue()));
      }
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        out.add(normal(e));
      }
      return out;
    }
    if (o instanceof Integer || o instanceof Long || o instanceof Short) {
      return BigInteger.valueOf(((Number) o).longValue());
    }
    if (o instanceof byte[] b) {
      return "bytes:" + HexFormat.of().formatHex(b);
    }
    return o;
  }
}
