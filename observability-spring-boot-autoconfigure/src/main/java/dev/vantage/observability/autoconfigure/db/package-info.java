/**
 * Auto-configuration of Vantage's db support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.db;

import org.jspecify.annotations.NullMarked;
