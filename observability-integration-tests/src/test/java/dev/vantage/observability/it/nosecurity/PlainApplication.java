package dev.vantage.observability.it.nosecurity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service with the starter and no Spring Security, started with Spring Security hidden
 * from its class loader.
 */
@SpringBootApplication
public class PlainApplication {

}
