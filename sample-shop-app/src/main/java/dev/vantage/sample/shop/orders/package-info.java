/**
 * The sample shop: orders.
 */
@NullMarked
package dev.vantage.sample.shop.orders;

import org.jspecify.annotations.NullMarked;
