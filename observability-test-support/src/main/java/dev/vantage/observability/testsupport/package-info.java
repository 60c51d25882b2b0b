/**
 * Test fixtures shared by Vantage's test suites: an HTTP client, scrape parsing, real
 * Prometheus servers and the rule for system binaries (skip with a reason, fail under CI).
 */
package dev.vantage.observability.testsupport;
