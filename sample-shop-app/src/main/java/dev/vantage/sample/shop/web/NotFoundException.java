package dev.vantage.sample.shop.web;

/**
 * Something the request names does not exist (for this shop); answered with 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
