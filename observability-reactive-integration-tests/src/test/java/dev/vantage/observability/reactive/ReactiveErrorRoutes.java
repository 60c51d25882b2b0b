package dev.vantage.observability.reactive;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The test service's failures, as an ordinary WebFlux service has them (no Vantage code): the
 * routes of {@code ErrorTrackingSuite}, a {@code @RestControllerAdvice} that sets the
 * exceptions it handles as the observation's error, as Spring's documentation advises, and a
 * scheduled job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReactiveErrorRoutes {

	@RestController
	static class FailingController {

		private static final Logger logger = LoggerFactory.getLogger(FailingController.class);

		@GetMapping("/errors/browse")
		Mono<String> browse() {
			logger.info("browsing the catalog of another customer");
			return Mono.just("page 1");
		}

		/** Logs on the request's thread, then on another, then fails there. */
		@GetMapping("/errors/checkout/{cart}")
		Mono<String> checkout(@PathVariable String cart, @RequestParam String coupon) {
			logger.info("checking out cart {}", cart);
			return Mono.fromCallable(() -> {
				logger.warn("coupon {} applied with password=hunter2", coupon);
				throw new IllegalStateException("checkout of cart " + cart + " failed");
			}).subscribeOn(Schedulers.boundedElastic()).map(String::valueOf);
		}

		@GetMapping("/errors/order/{id}")
		Mono<String> order(@PathVariable String id) {
			return Mono.fromCallable(() -> fail(id)).subscribeOn(Schedulers.boundedElastic());
		}

		private static String fail(String id) {
			throw new IllegalStateException("order " + id + " failed for card 4111 1111 1111 1111 of alice@example.com");
		}

		/** An exception whose message carries the body the caller sent: the secrets of the masking corpus. */
		@PostMapping("/errors/secret")
		Mono<String> secret(@RequestBody String text) {
			throw new IllegalStateException(text);
		}

		@GetMapping("/errors/other-path")
		Mono<String> otherPath() {
			throw new IllegalStateException("order 1 failed");
		}

		@GetMapping("/errors/invalid")
		Mono<String> invalid() {
			return Mono.error(new InvalidOrderException());
		}

		@GetMapping("/errors/gateway")
		Mono<String> gateway() {
			return Mono.error(new PaymentGatewayException());
		}

		@GetMapping("/errors/conflict")
		Mono<String> conflict() {
			return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "out of stock"));
		}

		@GetMapping("/errors/items/{id}")
		Mono<String> item(@PathVariable int id, @RequestParam int quantity) {
			return Mono.just(id + " x " + quantity);
		}

		@PostMapping(path = "/errors/items", consumes = "application/json")
		Mono<String> addItem(@RequestBody Item item) {
			return Mono.just(item.sku());
		}

		@GetMapping("/errors/lost-order")
		Mono<String> lostOrder() {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "order 9 not found"));
		}

		@GetMapping("/errors/job")
		Mono<String> job() {
			NightlyExport.FAIL.set(true);
			return Mono.just("scheduled");
		}

	}

	@RestControllerAdvice
	static class Advice {

		@ExceptionHandler
		ResponseEntity<String> invalid(InvalidOrderException ex, ServerWebExchange exchange) {
			observe(ex, exchange);
			return ResponseEntity.badRequest().body("invalid order");
		}

		@ExceptionHandler
		ResponseEntity<String> gateway(PaymentGatewayException ex, ServerWebExchange exchange) {
			observe(ex, exchange);
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("payment gateway down");
		}

		private static void observe(Throwable ex, ServerWebExchange exchange) {
			ServerRequestObservationContext.findCurrent(exchange.getAttributes())
				.ifPresent((context) -> context.setError(ex));
		}

	}

	@Component
	static class NightlyExport {

		static final AtomicBoolean FAIL = new AtomicBoolean();

		@Scheduled(fixedDelay = 50)
		void run() {
			if (FAIL.getAndSet(false)) {
				throw new IllegalStateException("nightly export 7 failed");
			}
		}

	}

	record Item(String sku) {
	}

	static class InvalidOrderException extends RuntimeException {

	}

	static class PaymentGatewayException extends RuntimeException {

	}

}
