package io.cloudir.model;

/**
 * The extension point of the record family: embedders implement this (and register readers
 * through the parsers module's {@code ServiceLoader} SPI) to add their own log formats. cloudir's
 * own formats never implement it.
 *
 * <p>Implementations must be immutable and thread-safe, like every {@link LogRecord}.
 */
public non-sealed interface ExtensionRecord extends LogRecord {}
