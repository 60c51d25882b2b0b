/**
 * Auto-configuration of Vantage: properties and the switch shared by every concern.
 */
@NullMarked
package dev.vantage.observability.autoconfigure;

import org.jspecify.annotations.NullMarked;
