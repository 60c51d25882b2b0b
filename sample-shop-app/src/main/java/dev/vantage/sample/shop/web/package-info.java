/**
 * The sample shop: web.
 */
@NullMarked
package dev.vantage.sample.shop.web;

import org.jspecify.annotations.NullMarked;
