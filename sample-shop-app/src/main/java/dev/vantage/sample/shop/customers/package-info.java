/**
 * The sample shop: customers.
 */
@NullMarked
package dev.vantage.sample.shop.customers;

import org.jspecify.annotations.NullMarked;
