package io.cloudir.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The rejection accounting of a {@code cloudir} read, as {@code cloudir parse} reports it:
 * files, records parsed and rejections, computed from the DataFrame (one Spark job).
 *
 * @param files files that produced at least one row
 * @param parsed rows that are records
 * @param rejected rows that are rejections ({@code _rejection} set)
 */
public record ReadSummary(long files, long parsed, long rejected) {
  /** The summary of a DataFrame of the {@code cloudir} data source. */
  public static ReadSummary of(Dataset<Row> records) {
    List<Row> r = records.agg(
        functions.countDistinct(functions.col("_input")),
        functions.count(functions.when(functions.col("_rejection").isNull(), 1)),
        functions.count(functions.col("_rejection"))).collectAsList();
    Row row = r.get(0);
    return new ReadSummary(row.getLong(0), row.getLong(1), row.getLong(2));
  }

  /** {@code files=N parsed=N rejected=N}. */
  public String summary() {
    return "files=" + files + " parsed=" + parsed + " rejected=" + rejected;
  }
}
