/**
 * Internal helpers shared by Vantage's concerns; not part of the public API.
 */
@NullMarked
package dev.vantage.observability.support;

import org.jspecify.annotations.NullMarked;
