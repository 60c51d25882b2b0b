package dev.vantage.sample.shop.chaos;

import java.time.Duration;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and changes the chaos knobs at runtime (admins only).
 */
@RestController
@RequestMapping("/api/admin/chaos")
class ChaosController {

	private final ChaosSettings chaos;

	private final AuditLogger audit;

	ChaosController(ChaosSettings chaos, AuditLogger audit) {
		this.chaos = chaos;
		this.audit = audit;
	}

	@GetMapping
	Knobs get() {
		return Knobs.of(this.chaos);
	}

	@PutMapping
	Knobs set(@RequestBody @Validated Knobs knobs, Authentication admin) {
		this.chaos.setPaymentFailureRate(knobs.paymentFailureRate());
		this.chaos.setPaymentLatency(Duration.ofMillis(knobs.paymentLatencyMs()));
		this.chaos.setDbLatency(Duration.ofMillis(knobs.dbLatencyMs()));
		this.chaos.setPaymentOutage(knobs.paymentOutage());
		this.chaos.setCatalogFailures((knobs.catalogFailures() != null) ? knobs.catalogFailures() : 0);
		this.audit.log(AuditEvent.builder("admin.chaos")
			.principal(admin.getName())
			.action("update")
			.resource("chaos")
			.metadata("settings", knobs.toString())
			.build());
		return Knobs.of(this.chaos);
	}

	record Knobs(@DecimalMin("0") @DecimalMax("1") double paymentFailureRate, @Min(0) @Max(30_000) long paymentLatencyMs,
			@Min(0) @Max(30_000) long dbLatencyMs, @NotNull ChaosSettings.Outage paymentOutage,
			@Min(0) @Max(1000) @Nullable Integer catalogFailures) {

		static Knobs of(ChaosSettings chaos) {
			return new Knobs(chaos.getPaymentFailureRate(), chaos.getPaymentLatency().toMillis(),
					chaos.getDbLatency().toMillis(), chaos.getPaymentOutage(), chaos.getCatalogFailures());
		}

	}

}
