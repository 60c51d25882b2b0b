/**
 * Auto-configuration of Vantage: one package per concern, each with its own properties,
 * defaults and auto-configuration; what they share is in {@code support}.
 */
@NullMarked
package dev.vantage.observability.autoconfigure;

import org.jspecify.annotations.NullMarked;
