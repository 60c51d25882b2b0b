/**
 * Auto-configuration of Vantage's cache support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.cache;

import org.jspecify.annotations.NullMarked;
