/**
 * The sample shop: catalog.
 */
@NullMarked
package dev.vantage.sample.shop.catalog;

import org.jspecify.annotations.NullMarked;
