package io.cloudir.spark.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cloudir} Spark data source (DataSource V2): {@code spark.read().format("cloudir")
 * .option("type", "cloudtrail|vpcflow|waf|resolver|route53|s3access|elb|auto").load(paths)}.
 * One input partition per file; each file is read by cloudir-parsers' {@link LogReader} (gzip and
 * format detection included), so a row holds exactly what {@code cloudir parse} reads, and every
 * rejection is a row with {@code _rejection} set (like Spark's permissive mode). The schema is in
 * {@link Schemas}.
 *
 * <p>Spark creates instances through {@code ServiceLoader}; instances are stateless.
 */
public final class CloudirDataSource implements TableProvider, DataSourceRegister {
  /** The short name for {@code format(...)}. */
  public static final String NAME = "cloudir";

  /** Public for {@code ServiceLoader}. */
  public CloudirDataSource() {}

  @Override
  public String shortName() {
    return NAME;
  }

  /** The record type of the {@code type} option (null for {@code auto}). */
  static @Nullable SourceType type(CaseInsensitiveStringMap options) {
    String t = options.getOrDefault("type", "auto").toLowerCase(Locale.ROOT);
    if (t.equals("auto")) {
      return null;
    }
    SourceType st = Schemas.TYPES.get(t);
    if (st == null) {
      throw new IllegalArgumentException("unknown type '" + t + "' (expected auto or one of "
          + String.join(", ", Schemas.TYPES.keySet()) + ")");
    }
    return st;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return Schemas.schema(type(options));
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning,
      Map<String, String> properties) {
    return new CloudirTable(schema, new CaseInsensitiveStringMap(properties));
  }

  /** The paths of the options ({@code path}, or {@code paths} as a JSON array). */
  static List<String> paths(CaseInsensitiveStringMap options) {
    List<String> out = new ArrayList<>();
    String one = options.get("path");
    if (one != null) {
      out.add(one);
    }
    String many = options.get("paths");
    if (many != null) {
      for (io.cloudir.model.json.JsonValue v : io.cloudir.model.json.JsonValue.parse(many)
          .elements()) {
        String s = v.stringOrNull();
        if (s != null) {
          out.add(s);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the cloudir data source needs paths: load(path...)");
    }
    return out;
  }

  private static final class CloudirTable implements Table, SupportsRead {
    private final StructType schema;
    private final CaseInsensitiveStringMap options;

    CloudirTable(StructType schema, CaseInsensitiveStringMap options) {
      this.schema = schema;
      this.options = options;
    }

    @Override
    public String name() {
      return "cloudir";
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
      return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
      Map<String, String> all = new HashMap<>(options);
      all.putAll(scanOptions);
      CaseInsensitiveStringMap o = new CaseInsensitiveStringMap(all);
      SourceType t = type(o);
      List<String> paths = paths(o);
      if (new java.util.HashSet<>(List.of(schema.fieldNames())).size()
          != schema.fields().length) {
        // Spark maps pruned columns by name: a schema with a name twice (the flow log field
        // "type") is read whole
        int[] whole = Schemas.all(t);
        return () -> new CloudirScan(schema, t, paths, whole);
      }
      return new Builder(schema, t, paths);
    }
  }

  /** A scan with only the top-level columns a query needs (nested fields are not pruned). */
  private static final class Builder implements ScanBuilder, SupportsPushDownRequiredColumns {
    private final StructType schema;
    private final @Nullable SourceType type;
    private final List<String> paths;
    private int[] positions;

    Builder(StructType schema, @Nullable SourceType type, List<String> paths) {
      this.schema = schema;
      this.type = type;
      this.paths = paths;
      this.positions = Schemas.all(type);
    }

    @Override
    public void pruneColumns(StructType required) {
      positions = Schemas.positions(type, required);
    }

    @Override
    public Scan build() {
      return new CloudirScan(positions.length == schema.fields().length ? schema
          : Schemas.pruned(type, positions), type, paths, positions);
    }
  }

  private static final class CloudirScan implements Scan, Batch {
    private final StructType schema;
    private final @Nullable SourceType type;
    private final List<String> paths;
    private final int[] positions;

    CloudirScan(StructType schema, @Nullable SourceType type, List<String> paths,
        int[] positions) {
      this.schema = schema;
      this.type = type;
      this.paths = paths;
      this.positions = positions;
    }

    @Override
    public StructType readSchema() {
      return schema;
    }

    @Override
    public String description() {
      return "cloudir[" + (type == null ? "auto" : type.name()) + "] " + paths;
    }

    @Override
    public Batch toBatch() {
      return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
      Map<String, String> conf = new HashMap<>();
      boolean hadoop = paths.stream().anyMatch(Inputs::isHadoop);
      if (hadoop) {
        for (Map.Entry<String, String> e : SparkSession.active().sparkContext()
            .hadoopConfiguration()) {
          conf.put(e.getKey(), e.getValue());
        }
      }
      List<Inputs.File> files = Inputs.expand(paths, conf);
      InputPartition[] parts = new InputPartition[files.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new FilePartition(files.get(i), i, type == null ? null : type.name(),
            files.get(i).hadoop() ? conf : Map.of(), positions);
      }
      return parts;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
      return new Factory();
    }
  }

  /** One file to read. */
  record FilePartition(Inputs.File file, int input, @Nullable String type,
      Map<String, String> conf, int[] positions) implements InputPartition, Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static final class Factory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
      return new FileReader((FilePartition) partition);
    }
  }

  /** Reads one file: its records and rejections as rows, in input order. */
  static final class FileReader implements PartitionReader<InternalRow> {
    private final @Nullable SourceType type;
    private final int input;
    private final int[] positions;
    private final ArrayDeque<Rejection> rejections = new ArrayDeque<>();
    private final RecordStream stream;
    private final Iterator<LogRecord> it;
    private @Nullable InternalRow current;

    FileReader(FilePartition p) {
      this.type = p.type() == null ? null : SourceType.of(p.type());
      this.input = p.input();
      this.positions = p.positions();
      Inputs.File f = p.file();
      Map<String, String> conf = p.conf();
      LogSource source = f.hadoop() ? LogSource.of(f.name(), () -> Inputs.open(f.name(), conf))
          : LogSource.of(f.name(), () -> java.nio.file.Files.newInputStream(Path.of(f.name())));
      LogReader reader = LogReader.builder().type(type).parallelism(1)
          .onRejection(rejections::add).build();
      this.stream = reader.open(List.of(source));
      this.it = stream.iterator();
    }

    @Override
    public boolean next() throws IOException {
      try {
        while (true) {
          Rejection x = rejections.poll();
          if (x != null) {
            current = Schemas.rejection(type, x.source(), x.offset(), x.line(), x.reason(),
                x.snippet(), input, positions);
            return true;
          }
          LogRecord p = pending;
          if (p != null) {
            pending = null;
            current = Schemas.row(type, p, input, positions);
            return true;
          }
          if (!it.hasNext()) {
            if (rejections.isEmpty()) {
              return false;
            }
            continue;
          }
          LogRecord r = it.next();
          if (rejections.isEmpty()) {
            current = Schemas.row(type, r, input, positions);
            return true;
          }
          pending = r; // the rejections found before it come first
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    private @Nullable LogRecord pending;

    @Override
    public InternalRow get() {
      InternalRow r = current;
      if (r == null) {
        throw new IllegalStateException("next() first");
      }
      return r;
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
