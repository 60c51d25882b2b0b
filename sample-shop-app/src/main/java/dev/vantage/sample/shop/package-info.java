/**
 * The sample shop.
 */
@NullMarked
package dev.vantage.sample.shop;

import org.jspecify.annotations.NullMarked;
