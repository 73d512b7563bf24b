package io.cloudir.model.internal.json;

import org.jspecify.annotations.Nullable;

/**
 * The {@link JsonRecordFactory} of each JSON record format, installed by the record classes'
 * initialisers and found by the readers.
 *
 * <p>Thread-safe.
 */
public final class JsonRecordFactories {
  private static volatile @Nullable JsonRecordFactory waf;
  private static volatile @Nullable JsonRecordFactory resolver;

  private JsonRecordFactories() {}

  /** Installs the WAF factory (once, from {@code WafLogRecord}). */
  public static void installWaf(JsonRecordFactory f) {
    if (waf == null) {
      waf = f;
    }
  }

  /** Installs the Resolver factory (once, from {@code ResolverQueryLogRecord}). */
  public static void installResolver(JsonRecordFactory f) {
    if (resolver == null) {
      resolver = f;
    }
  }

  /** The WAF factory. */
  public static JsonRecordFactory waf() {
    JsonRecordFactory f = waf;
    if (f == null) {
      init("io.cloudir.model.waf.WafLogRecord");
      f = waf;
    }
    if (f == null) {
      throw new IllegalStateException("WAF factory not installed");
    }
    return f;
  }

  /** The Route 53 Resolver factory. */
  public static JsonRecordFactory resolver() {
    JsonRecordFactory f = resolver;
    if (f == null) {
      init("io.cloudir.model.route53.ResolverQueryLogRecord");
      f = resolver;
    }
    if (f == null) {
      throw new IllegalStateException("Resolver factory not installed");
    }
    return f;
  }

  private static void init(String name) {
    try {
      Class.forName(name, true, JsonRecordFactories.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
