/** Network value types shared by every log format. */
@NullMarked
package io.cloudir.model.net;

import org.jspecify.annotations.NullMarked;
