/**
 * Vantage's logging defaults: JSON console lines and the audit file.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
