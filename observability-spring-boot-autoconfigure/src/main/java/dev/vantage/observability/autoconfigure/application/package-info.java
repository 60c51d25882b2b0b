/**
 * Auto-configuration of Vantage's application support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.application;

import org.jspecify.annotations.NullMarked;
