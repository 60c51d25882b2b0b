/**
 * Auto-configuration of Vantage's http support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
