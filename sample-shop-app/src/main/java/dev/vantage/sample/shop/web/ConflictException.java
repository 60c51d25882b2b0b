package dev.vantage.sample.shop.web;

/**
 * The request conflicts with the current state (out of stock, wrong order status); 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
