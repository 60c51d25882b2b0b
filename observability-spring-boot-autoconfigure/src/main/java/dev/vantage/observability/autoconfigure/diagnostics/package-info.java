/**
 * What Vantage wired into the application and why: the startup summary and the
 * {@code vantage} actuator endpoint.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
