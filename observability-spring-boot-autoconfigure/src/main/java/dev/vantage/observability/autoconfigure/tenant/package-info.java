/**
 * Auto-configuration of Vantage's tenant support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.tenant;

import org.jspecify.annotations.NullMarked;
