/**
 * Security meters and detectors: authentication outcomes, denials, brute force and
 * suspicious requests. IPs and user names are never tags.
 */
@NullMarked
package dev.vantage.observability.security;

import org.jspecify.annotations.NullMarked;
