package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.spi.LineDecoder;
import io.cloudir.parsers.spi.LineFormatProvider;
import org.jspecify.annotations.Nullable;

/** An embedder's {@link LineFormatProvider} as a {@link FormatSupport} on the line engine. */
public final class ProviderFormat implements FormatSupport {
  private final LineFormatProvider provider;

  /** Adapts a provider. */
  public ProviderFormat(LineFormatProvider provider) {
    this.provider = provider;
  }

  @Override
  public SourceType type() {
    return provider.type();
  }

  @Override
  public int detect(byte[] head, int len) {
    int s = provider.detect(head, len);
    return Math.max(0, Math.min(100, s));
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    LineDecoder d = provider.newDecoder(sourceName);
    LineParser p = new LineParser() {
      @Override
      public @Nullable LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection {
        try {
          return d.decode(buf, s, e, provenance);
        } catch (MalformedInputException x) {
          long col = x.location().offset();
          throw new LineRejection(x.reason(), col >= 0 && col <= e - s ? (int) col : 0);
        } catch (RuntimeException x) {
          throw new LineRejection("decoder of " + provider.type() + " failed: " + x, 0);
        }
      }
    };
    // records from an embedder's decoder own their bytes (the contract says so): blocks may be reused
    return new LineEngine(in, sourceName, limits, false, p);
  }
}
