/**
 * Real-user monitoring: the browser script and the beacon endpoint, on Spring MVC and WebFlux.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.rum;

import org.jspecify.annotations.NullMarked;
