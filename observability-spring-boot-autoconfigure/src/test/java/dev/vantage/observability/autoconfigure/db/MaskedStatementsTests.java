package dev.vantage.observability.autoconfigure.db;

import java.util.List;
import java.util.stream.IntStream;

import dev.vantage.observability.support.ObserverFailures;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedStatementsTests {

	private final MaskedStatements masking = new MaskedStatements(
			new StaticListableBeanFactory().getBeanProvider(ObserverFailures.class));

	@Test
	void masksEachStatementAndAddsTheFirstOnesOperation() {
		List<KeyValue> values = masking("select * from users where email = 'alice@example.com'",
				"update stock set count = 3 where id = 42").stream().toList();
		assertThat(values).containsExactlyInAnyOrder(KeyValue.of("q0", "select * from users where email = ?"),
				KeyValue.of("q1", "update stock set count = ? where id = ?"),
				KeyValue.of(MaskedStatements.OPERATION, "select"));
	}

	@Test
	void aFullCacheKeepsTheStatementsInUseAndStaysBounded() {
		String busy = "select name from product where id = ?";
		masking(busy);
		for (int i = 0; i < 10 * MaskedStatements.CACHED; i++) {
			masking("select * from report_" + i);
			masking(busy);
		}
		assertThat(this.masking.isCached(busy)).as("the statement used all along").isTrue();
		long cached = IntStream.range(0, 10 * MaskedStatements.CACHED)
			.filter((i) -> this.masking.isCached("select * from report_" + i))
			.count();
		assertThat(cached).as("statements cached besides it").isEqualTo(MaskedStatements.CACHED - 1);
		assertThat(this.masking.isCached("select * from report_" + (10 * MaskedStatements.CACHED - 1)))
			.as("the newest statement").isTrue();
	}

	private KeyValues masking(String... statements) {
		return this.masking.of(List.of(statements), (index) -> "q" + index);
	}

}
