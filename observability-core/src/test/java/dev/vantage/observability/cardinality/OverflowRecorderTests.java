package dev.vantage.observability.cardinality;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OverflowRecorderTests {

	private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(CardinalityGuard.class);

	@BeforeEach
	void capture() {
		this.warnings.start();
		this.logger.addAppender(this.warnings);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.warnings);
	}

	@Test
	void warnsOnceOnFirstOverflowNotWhenCreated() {
		OverflowRecorder recorder = new CardinalityGuard(1, 10, List.of()).overflowRecorder("business.orders", "tenant");
		assertThat(this.warnings.list).isEmpty();
		for (int i = 0; i < 1000; i++) {
			recorder.record();
		}
		assertThat(recorder.count()).isEqualTo(1000);
		assertThat(this.warnings.list).hasSize(1);
		assertThat(this.warnings.list.get(0).getFormattedMessage()).contains("business.orders", "tenant", "'other'");
	}

}
