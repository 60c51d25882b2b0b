/**
 * Auto-configuration of Vantage's business meters.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.business;

import org.jspecify.annotations.NullMarked;
