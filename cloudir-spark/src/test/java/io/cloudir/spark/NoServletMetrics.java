package io.cloudir.spark;

import com.codahale.metrics.MetricRegistry;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.sink.MetricsServlet;
import org.sparkproject.jetty.servlet.ServletContextHandler;

/**
 * Spark's JSON metrics sink without its HTTP handler. Spark builds the handler of its default
 * servlet sink even with the UI off, on Servlet 5 classes; the tests of this module share the class
 * path with S3Proxy, whose Jetty 12 needs Servlet 6 (where {@code SingleThreadModel} is gone). The
 * tests run without UI, so nothing would serve the handler anyway.
 */
public final class NoServletMetrics extends MetricsServlet {
  /** Spark's sink constructor. */
  public NoServletMetrics(Properties property, MetricRegistry registry) {
    super(property, registry);
  }

  @Override
  public ServletContextHandler[] getHandlers(SparkConf conf) {
    return new ServletContextHandler[0];
  }
}
