/**
 * The extension point through which embedders add their own log formats: implement {@link
 * io.cloudir.parsers.spi.LineFormatProvider} (records are {@link io.cloudir.model.ExtensionRecord}s)
 * and register it with {@code ServiceLoader} ({@code provides} in your module, or {@code
 * META-INF/services} on the class path) or pass it to {@code LogReader.Builder.format}.
 */
@NullMarked
package io.cloudir.parsers.spi;

import org.jspecify.annotations.NullMarked;
