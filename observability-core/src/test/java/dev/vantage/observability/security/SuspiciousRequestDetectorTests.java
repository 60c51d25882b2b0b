package dev.vantage.observability.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousRequestDetectorTests {

	private final SuspiciousRequestDetector detector = new SuspiciousRequestDetector();

	@Test
	void sqlInjectionIsRecognised() {
		for (String query : List.of("q=' OR '1'='1", "id=1%27%20or%201=1--", "q=x' UNION SELECT password FROM users",
				"q=1;DROP TABLE orders", "q=1' AND sleep(5)--", "q=%2527%2520or%25201%253D1", "sort=name'--")) {
			assertThat(this.detector.inspect("/products", query)).as(query).isNotNull()
				.extracting(SuspiciousRequestDetector.Finding::type)
				.isEqualTo(SuspiciousActivityType.INJECTION_ATTEMPT);
		}
	}

	@Test
	void scriptInjectionIsRecognised() {
		for (String query : List.of("q=<script>alert(1)</script>", "q=%3Cscript%3E", "next=javascript:alert(1)",
				"q=<img src=x onerror=alert(1)>")) {
			assertThat(this.detector.inspect("/search", query)).as(query).isNotNull()
				.extracting(SuspiciousRequestDetector.Finding::severity)
				.isEqualTo(Severity.MEDIUM);
		}
	}

	@Test
	void pathTraversalIsRecognised() {
		for (String[] request : List.of(new String[] { "/files", "name=../../etc/passwd" },
				new String[] { "/static/..%2f..%2fsecret", null }, new String[] { "/download", "f=%2e%2e%2f%2e%2e%2fx" },
				new String[] { "/img", "f=..\\..\\windows\\win.ini" })) {
			assertThat(this.detector.inspect(request[0], request[1])).as(String.join("?", request[0], request[1]))
				.isNotNull()
				.extracting(SuspiciousRequestDetector.Finding::type)
				.isEqualTo(SuspiciousActivityType.PATH_TRAVERSAL);
		}
	}

	@Test
	void ordinaryShopTrafficIsNotSuspicious() {
		for (String[] request : List.of(new String[] { "/products", "q=men's+shoes&sort=price-desc&page=2" },
				new String[] { "/products", "q=O'Reilly+books" }, new String[] { "/orders/1042", null },
				new String[] { "/api/v1/carts/7f3c/items", "sku=LAMP-10-20&qty=2" },
				new String[] { "/search", "q=rock+%26+roll&category=music" },
				new String[] { "/products", "q=select+a+size" }, new String[] { "/products", "q=drop-in+union+jacket" },
				new String[] { "/checkout", "return=https://shop.example.com/thanks" },
				new String[] { "/assets/app.v1.2.3.min.js", null }, new String[] { "/products", "price=10..20" },
				new String[] { "/login", "error" }, new String[] { "/actuator/prometheus", null },
				new String[] { "/reviews", "text=great+(really)+product;+would+buy" })) {
			assertThat(this.detector.inspect(request[0], request[1])).as(String.join("?", request[0], request[1]))
				.isNull();
		}
	}

	@Test
	void hugeOrMalformedInputIsBoundedAndDoesNotThrow() {
		assertThat(this.detector.inspect("/x", "q=%zz%" + "a".repeat(1_000_000))).isNull();
	}

}
