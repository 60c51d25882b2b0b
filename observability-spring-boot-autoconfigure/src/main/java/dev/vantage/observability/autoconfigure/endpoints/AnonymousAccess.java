package dev.vantage.observability.autoconfigure.endpoints;

/**
 * Answers whether a caller with no credentials may reach a path of the application, as its
 * Spring Security configuration decides.
 */
@FunctionalInterface
interface AnonymousAccess {

	boolean allows(String path);

}
