/**
 * JDBC query meters and the slow-query log, independent of the proxy that feeds them.
 */
@NullMarked
package dev.vantage.observability.db;

import org.jspecify.annotations.NullMarked;
