/**
 * Auto-configuration of Vantage's cardinality support.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.cardinality;

import org.jspecify.annotations.NullMarked;
