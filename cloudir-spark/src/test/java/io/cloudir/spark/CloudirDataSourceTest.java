package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.parsers.ReadStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** {@code spark.read().format("cloudir")} reads what cloudir-parsers reads, typed. */
class CloudirDataSourceTest {
  private static final String INCIDENT = "../examples/incident";

  private static Dataset<Row> read(String type, String... paths) {
    return Spark.session().read().format("cloudir").option("type", type).load(paths);
  }

  @Test
  void autoReadsEveryRecordOfEveryTypeInInputOrder() {
    List<ReadStats> stats = new ArrayList<>();
    List<LogRecord> want = Reference.read(List.of(INCIDENT), stats);
    Dataset<Row> df = read("auto", INCIDENT);
    List<Row> rows = df.filter("_rejection is null")
        .orderBy("_input", "_provenance.offset").collectAsList();
    assertEquals(want.size(), rows.size());
    Map<String, Integer> types = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      LogRecord r = want.get(i);
      Row row = rows.get(i);
      assertEquals(r.source().name(), row.getString(0));
      assertEquals(r.provenance().source(), row.getStruct(2).getString(0));
      assertEquals(r.provenance().offset(), row.getStruct(2).getLong(1));
      byte[] raw = (byte[]) row.getAs("_raw");
      if (r instanceof CloudTrailEvent e) {
        assertEquals(e.toJson(), new String(raw, StandardCharsets.UTF_8));
        assertEquals(e.eventName(), row.getStruct(row.fieldIndex("cloudtrail"))
            .getAs("eventName"));
      }
      types.merge(r.source().name(), 1, Integer::sum);
    }
    assertTrue(types.size() >= 3, types.toString());
    assertEquals(stats.get(0).rejected(), ReadSummary.of(df).rejected());
    assertEquals(stats.get(0).parsed(), ReadSummary.of(df).parsed());
  }

  /** A query of a few columns reads only those (column pruning), with the full rows' values. */
  @Test
  void aPrunedReadHasTheValuesOfTheFullRows() {
    for (String type : List.of("auto", "cloudtrail", "vpcflow")) {
      Dataset<Row> df = read(type, INCIDENT);
      List<Row> full = df.collectAsList();
      String[] cols = {"_rejection", "_raw", "time", "_input", "_provenance",
          type.equals("auto") ? "cloudtrail" : type.equals("vpcflow") ? "srcaddr" : "userIdentity"};
      Dataset<Row> some = df.select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length));
      // the flow log schema has "type" twice (a flow log field): Spark prunes by name, so such
      // a read is not pruned
      assertEquals(type.equals("vpcflow") ? df.schema().fields().length : cols.length,
          some.queryExecution().executedPlan().collectLeaves().head().output().size(), type);
      List<Row> got = some.collectAsList();
      assertEquals(full.size(), got.size(), type);
      assertTrue(full.size() > 20, type);
      for (int i = 0; i < full.size(); i++) {
        for (int c = 0; c < cols.length; c++) {
          Object want = full.get(i).getAs(cols[c]);
          Object have = got.get(i).get(c);
          assertTrue(java.util.Objects.deepEquals(want, have), type + " row " + i + " " + cols[c]
              + ": " + want + " / " + have);
        }
      }
    }
  }

  @Test
  void cloudTrailColumnsAreTypedAndNested() {
    String trail = INCIDENT + "/AWSLogs/111122223333/CloudTrail";
    Dataset<Row> df = read("cloudtrail", trail);
    StructType schema = df.schema();
    assertEquals(DataTypes.TimestampType, schema.apply("eventTime").dataType());
    assertEquals(DataTypes.StringType, schema.apply("requestParameters").dataType());
    List<ReadStats> stats = new ArrayList<>();
    List<LogRecord> want = Reference.read(List.of(trail), stats);
    List<Row> rows = df.orderBy("_input", "_provenance.offset").select("eventName",
        "userIdentity.arn", "userIdentity.sessionContext.sessionIssuer.arn",
        "userIdentity.sessionContext.attributes.mfaAuthenticated", "requestParameters",
        "eventTime", "readOnly").collectAsList();
    assertEquals(want.size(), rows.size());
    int withIssuer = 0;
    for (int i = 0; i < rows.size(); i++) {
      CloudTrailEvent e = (CloudTrailEvent) want.get(i);
      Row row = rows.get(i);
      assertEquals(e.eventName(), row.getString(0));
      assertEquals(e.userIdentity() == null ? null : e.userIdentity().arn(), row.getString(1));
      var sc = e.userIdentity() == null ? null : e.userIdentity().sessionContext();
      String issuer = sc == null || sc.sessionIssuer() == null ? null : sc.sessionIssuer().arn();
      assertEquals(issuer, row.getString(2));
      withIssuer += issuer == null ? 0 : 1;
      assertEquals(e.requestParameters() == null ? null : e.requestParameters().toJson(),
          row.getString(4));
      assertEquals(e.eventTime(), row.getTimestamp(5).toInstant());
      assertEquals(e.readOnly(), row.isNullAt(6) ? null : row.getBoolean(6));
    }
    assertTrue(withIssuer > 0);
  }

  @Test
  void flowFieldsAreTypedColumns() {
    Dataset<Row> df = read("vpcflow", INCIDENT + "/AWSLogs/111122223333/vpcflowlogs");
    List<ReadStats> stats = new ArrayList<>();
    List<LogRecord> want = Reference.read(List.of(INCIDENT + "/AWSLogs/111122223333/vpcflowlogs"),
        stats);
    assertEquals(DataTypes.LongType, df.schema().apply("dstport").dataType());
    List<Row> rows = df.orderBy("_input", "_provenance.offset")
        .select("srcaddr", "dstport", "bytes", "action").collectAsList();
    assertEquals(want.size(), rows.size());
    assertFalse(rows.isEmpty());
    for (int i = 0; i < rows.size(); i++) {
      FlowLogRecord f = (FlowLogRecord) want.get(i);
      assertEquals(String.valueOf(f.srcaddr()), rows.get(i).getString(0));
      assertEquals(f.dstport(), rows.get(i).getLong(1));
      assertEquals(f.bytes(), rows.get(i).getLong(2));
      assertEquals(f.action() == null ? null : f.action().value(), rows.get(i).getString(3));
    }
  }

  @Test
  void rejectionsAreRowsAndCounted() {
    List<ReadStats> stats = new ArrayList<>();
    Reference.read(List.of("../examples/bad"), stats);
    Dataset<Row> df = read("auto", "../examples/bad");
    ReadSummary s = ReadSummary.of(df);
    assertTrue(stats.get(0).rejected() > 0);
    assertEquals(stats.get(0).rejected(), s.rejected());
    assertEquals(stats.get(0).parsed(), s.parsed());
    for (Row r : df.filter("_rejection is not null").select("_rejection.reason",
        "_provenance.source").collectAsList()) {
      assertFalse(r.getString(0).isEmpty());
      assertTrue(r.getString(1).contains("bad"), r.getString(1));
    }
  }

  @Test
  void anUnknownTypeIsAnError() {
    Exception e = assertThrows(Exception.class, () -> read("syslog", INCIDENT).count());
    assertTrue(String.valueOf(e.getMessage()).contains("unknown type 'syslog'")
        || String.valueOf(e.getCause()).contains("unknown type 'syslog'"), e.toString());
  }
}
