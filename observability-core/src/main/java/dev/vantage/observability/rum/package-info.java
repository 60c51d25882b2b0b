/**
 * Real-user monitoring: Core Web Vitals, page views and browser errors reported by pages
 * through beacons, recorded with bounded cardinality.
 */
@NullMarked
package dev.vantage.observability.rum;

import org.jspecify.annotations.NullMarked;
