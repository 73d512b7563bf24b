/** The core record types shared by every cloudir module. */
@NullMarked
package io.cloudir.model;

import org.jspecify.annotations.NullMarked;
