package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.parsers.ReadStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The data source over every format folder of {@code ../shared/corpus} (profile corpus). */
@Tag("corpus")
class CorpusDataSourceTest {
  @Test
  void everyCorpusFolderReadsAsTheParsersReadIt() {
    Path corpus = Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus");
    assertTrue(Files.isDirectory(corpus), corpus.toString());
    int folders = 0;
    for (String d : List.of("cloudtrail", "vpcflow", "waf", "route53_resolver",
        "route53_public_dns", "s3_access", "elb")) {
      String dir = corpus.resolve(d).toString();
      List<ReadStats> stats = new ArrayList<>();
      Reference.read(List.of(dir), stats);
      ReadSummary s = ReadSummary.of(Spark.session().read().format("cloudir").load(dir));
      assertEquals(stats.get(0).parsed(), s.parsed(), d);
      assertEquals(stats.get(0).rejected(), s.rejected(), d);
      assertTrue(s.parsed() > 0, d);
      folders++;
    }
    assertEquals(7, folders);
  }
}
