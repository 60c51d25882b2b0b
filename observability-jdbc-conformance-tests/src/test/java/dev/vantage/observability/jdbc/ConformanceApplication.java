package dev.vantage.observability.jdbc;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with a data source, JPA, Flyway and Liquibase, and the starter. */
@SpringBootConfiguration
@EnableAutoConfiguration
class ConformanceApplication {

}
