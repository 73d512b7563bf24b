package io.cloudir.cli.internal;

import io.cloudir.rules.Finding;
import io.cloudir.rules.RuleException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code cloudir hunt --engine spark}: hands the hunt to cloudir-spark's {@code SparkCli}, found
 * by name so that the command line does not depend on Spark. Without cloudir-spark and Apache
 * Spark on the class path it says so and how to run it.
 *
 * <p>Stateless.
 */
final class SparkEngine {
  /** The entry point in cloudir-spark. */
  static final String ENTRY = "io.cloudir.spark.SparkCli";

  private SparkEngine() {}

  /** The message when the engine is not on the class path. */
  static String missing(String what) {
    return "--engine spark needs cloudir-spark and Apache Spark 4 (Scala 2.13) on the class path"
        + " (" + what + "); run it with spark-submit --class io.cloudir.cli.Main --jars"
        + " cloudir-spark.jar cloudir.jar hunt --engine spark ..., or use --engine local";
  }

  /** Runs the hunt; prints the findings with {@code print} and the summary; the exit code. */
  static int hunt(Io io, @Nullable String master, List<String> paths, List<String> rules,
      @Nullable Instant from, @Nullable Instant to, Predicate<List<Finding>> print) {
    Method m;
    try {
      Class<?> c = Class.forName(ENTRY);
      m = c.getMethod("hunt", String.class, List.class, List.class, Instant.class,
          Instant.class, java.io.PrintStream.class, Consumer.class);
    } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException e) {
      return fail(io, missing(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    List<Finding> findings = new ArrayList<>();
    Consumer<Finding> sink = findings::add;
    long[] n;
    try {
      n = (long[]) m.invoke(null, master, paths, rules, from, to, io.err(), sink);
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (t instanceof RuleException || t instanceof IllegalArgumentException) {
        return fail(io, t.getMessage());
      }
      if (t instanceof NoClassDefFoundError) {
        return fail(io, missing("NoClassDefFoundError: " + t.getMessage()));
      }
      return fail(io, "spark engine: " + t);
    } catch (IllegalAccessException e) {
      return fail(io, "spark engine: " + e);
    }
    boolean ok = print.test(findings);
    io.err().println("parsed=" + n[1] + " rejected=" + n[2] + " files=" + n[0] + " rules=" + n[5]
        + " duplicates=" + n[4] + " events=" + n[3] + " findings=" + findings.size()
        + " engine=spark");
    io.err().flush();
    if (!ok) {
      return Cli.ERROR;
    }
    return n[2] > 0 ? Cli.REJECTED : Cli.OK;
  }

  private static int fail(Io io, @Nullable String message) {
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.ERROR;
  }
}
