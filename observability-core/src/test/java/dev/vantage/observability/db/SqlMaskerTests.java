package dev.vantage.observability.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlMaskerTests {

	@Test
	void stringAndNumberLiteralsAreMasked() {
		assertThat(SqlMasker.mask("select * from users where email = 'a@b.c' and age > 42 and score < -1.5e3"))
			.isEqualTo("select * from users where email = ? and age > ? and score < ?");
	}

	@Test
	void escapedQuotesAndDollarQuotesAreMaskedWhole() {
		assertThat(SqlMasker.mask("insert into t values ('it''s', $$secret$$, $tag$x$tag$)"))
			.isEqualTo("insert into t values (?, ?, ?)");
	}

	@Test
	void identifiersWithDigitsAndParametersAreKept() {
		assertThat(SqlMasker.mask("select t1.col2 from table3 t1 where id = ?"))
			.isEqualTo("select t1.col2 from table3 t1 where id = ?");
	}

	@Test
	void whitespaceIsFoldedAndLongStatementsAreCut() {
		assertThat(SqlMasker.mask("select\n\t*\r\nfrom   t")).isEqualTo("select * from t");
		assertThat(SqlMasker.mask("select " + "a, ".repeat(5000) + "b from t")).hasSize(SqlMasker.MAX_LENGTH + 3);
	}

}
