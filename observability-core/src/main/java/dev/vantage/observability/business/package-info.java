/**
 * Typed business meters for domain code: orders, money, payments, signups, funnels, stock.
 */
@NullMarked
package dev.vantage.observability.business;

import org.jspecify.annotations.NullMarked;
