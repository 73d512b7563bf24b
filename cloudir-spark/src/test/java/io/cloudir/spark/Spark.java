package io.cloudir.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for every test class of the module (started on first use). */
final class Spark {
  private Spark() {}

  private static SparkSession session;

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("cloudir-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.metrics.conf.*.sink.servlet.class", NoServletMetrics.class.getName())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
    }
    return session;
  }
}
