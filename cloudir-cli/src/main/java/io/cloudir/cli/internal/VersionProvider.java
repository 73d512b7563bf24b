package io.cloudir.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code cloudir --version}: the project version (filtered into {@code version.properties} at
 * build time) and the Java runtime.
 *
 * <p>Stateless and thread-safe.
 */
final class VersionProvider implements IVersionProvider {
  /** Instantiated by picocli. */
  VersionProvider() {}

  @Override
  public String[] getVersion() {
    return new String[] {
      "cloudir " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }

  /** The project version, or {@code unknown} when the resource is missing. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
