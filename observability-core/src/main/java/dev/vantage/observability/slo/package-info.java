/**
 * Service level objectives declared by the service itself: their process-local status, and
 * the Prometheus rules (multi-window, multi-burn-rate) and Sloth specification generated from
 * them, so that a latency threshold is always a bucket the service records.
 */
@NullMarked
package dev.vantage.observability.slo;

import org.jspecify.annotations.NullMarked;
