/**
 * The sample shop: payments.
 */
@NullMarked
package dev.vantage.sample.shop.payments;

import org.jspecify.annotations.NullMarked;
