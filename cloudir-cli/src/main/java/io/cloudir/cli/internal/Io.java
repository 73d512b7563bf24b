package io.cloudir.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command works with, and whether it may draw a progress bar on {@code err}.
 *
 * <p>Immutable (the streams themselves are not thread-safe to share between commands).
 *
 * @param in standard input (what {@code -} reads)
 * @param out standard output
 * @param err standard error
 * @param progress whether {@code err} is an interactive terminal a progress bar may be drawn on
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean progress) {}
