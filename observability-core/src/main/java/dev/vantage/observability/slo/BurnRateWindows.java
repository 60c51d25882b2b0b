package dev.vantage.observability.slo;

import java.time.Duration;
import java.util.List;

/**
 * The multi-window, multi-burn-rate alerting of The Site Reliability Workbook: for a 30-day
 * objective, page when 2 % of the budget burns in 1 hour or 5 % in 6 hours, open a ticket when
 * 10 % burns in 1 day or in 3 days, each confirmed by a short window a twelfth of the long one.
 * Other objective windows keep the same shares of the budget, so their burn rates scale.
 */
enum BurnRateWindows {

	PAGE_1H(Duration.ofHours(1), Duration.ofMinutes(5), 0.02, true),

	PAGE_6H(Duration.ofHours(6), Duration.ofMinutes(30), 0.05, true),

	TICKET_1D(Duration.ofDays(1), Duration.ofHours(2), 0.10, false),

	TICKET_3D(Duration.ofDays(3), Duration.ofHours(6), 0.10, false);

	/** Every window a rule records an error ratio over, shortest first. */
	static final List<Duration> RECORDED = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
			Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

	final Duration longWindow;

	final Duration shortWindow;

	private final double budgetShare;

	final boolean page;

	BurnRateWindows(Duration longWindow, Duration shortWindow, double budgetShare, boolean page) {
		this.longWindow = longWindow;
		this.shortWindow = shortWindow;
		this.budgetShare = budgetShare;
		this.page = page;
	}

	/**
	 * How many times faster than sustainable the budget burns when this share of it is spent
	 * in the long window: 14.4 for the 1-hour page of a 30-day objective.
	 */
	double burnRate(Duration objectiveWindow) {
		return this.budgetShare * objectiveWindow.toSeconds() / this.longWindow.toSeconds();
	}

}
