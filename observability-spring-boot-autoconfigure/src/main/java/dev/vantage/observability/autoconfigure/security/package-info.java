/**
 * Auto-configuration of security meters, the Spring Security bridge and the detectors.
 */
@NullMarked
package dev.vantage.observability.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
