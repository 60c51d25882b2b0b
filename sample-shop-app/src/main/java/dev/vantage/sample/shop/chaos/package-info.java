/**
 * The sample shop: chaos.
 */
@NullMarked
package dev.vantage.sample.shop.chaos;

import org.jspecify.annotations.NullMarked;
