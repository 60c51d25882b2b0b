package dev.vantage.observability.reactive.nosecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux service with the starter and no Spring Security, started with Spring Security
 * hidden from its class loader.
 */
@SpringBootApplication
public class PlainReactiveApplication {

}
