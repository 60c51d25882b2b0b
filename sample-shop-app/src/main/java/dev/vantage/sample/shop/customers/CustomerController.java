package dev.vantage.sample.shop.customers;

import java.util.Map;

import dev.vantage.sample.shop.web.ShopHeader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signup and "who am I" (the login check of the API).
 */
@RestController
class CustomerController {

	private final CustomerService customers;

	CustomerController(CustomerService customers) {
		this.customers = customers;
	}

	@PostMapping("/api/signup")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> signup(@RequestHeader(name = ShopHeader.NAME, defaultValue = ShopHeader.NONE) String shop, @RequestBody @Valid Signup signup) {
		this.customers.signup(shop, signup.username(), signup.password());
		return Map.of("username", signup.username());
	}

	@GetMapping("/api/me")
	Map<String, Object> me(Authentication user) {
		return Map.of("username", user.getName(), "roles", user.getAuthorities().stream().map(Object::toString).toList());
	}

	record Signup(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

}
