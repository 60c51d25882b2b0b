package dev.vantage.observability.jdbc;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A JPA entity whose ids come from a sequence, so that Hibernate batches its inserts. */
@Entity
@Table(schema = "app")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
	@SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", schema = "app", allocationSize = 50)
	private Long id;

	private String name;

	protected Customer() {
	}

	Customer(String name) {
		this.name = name;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}
