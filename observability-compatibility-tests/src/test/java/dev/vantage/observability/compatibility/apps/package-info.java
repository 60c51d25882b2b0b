/**
 * The applications of the compatibility cases, written as their users write them, with no
 * Vantage type in sight: each is started with and without the starter on its class path.
 */
@NullMarked
package dev.vantage.observability.compatibility.apps;

import org.jspecify.annotations.NullMarked;
