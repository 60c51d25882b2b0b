/**
 * The sample shop: traffic.
 */
@NullMarked
package dev.vantage.sample.shop.traffic;

import org.jspecify.annotations.NullMarked;
