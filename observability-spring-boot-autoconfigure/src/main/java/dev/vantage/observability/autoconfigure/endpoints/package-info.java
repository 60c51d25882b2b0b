/**
 * Auto-configuration of the startup check of actuator endpoint exposure.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.endpoints;

import org.jspecify.annotations.NullMarked;
