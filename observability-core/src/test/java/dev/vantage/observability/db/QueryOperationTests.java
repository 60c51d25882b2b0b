package dev.vantage.observability.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryOperationTests {

	@Test
	void firstKeywordDecidesIgnoringCaseSpaceCommentsAndParentheses() {
		assertThat(QueryOperation.of("select 1")).isEqualTo(QueryOperation.SELECT);
		assertThat(QueryOperation.of("  \n\tINSERT into t values (1)")).isEqualTo(QueryOperation.INSERT);
		assertThat(QueryOperation.of("/* app */ update t set a = 1")).isEqualTo(QueryOperation.UPDATE);
		assertThat(QueryOperation.of("-- why\ndelete from t")).isEqualTo(QueryOperation.DELETE);
		assertThat(QueryOperation.of("(select 1) union (select 2)")).isEqualTo(QueryOperation.SELECT);
	}

	@Test
	void withQueriesCountByTheStatementAfterTheirExpressions() {
		assertThat(QueryOperation.of("with recent as (select * from orders) delete from orders where id in (select id from recent)"))
			.isEqualTo(QueryOperation.DELETE);
		assertThat(QueryOperation.of("WITH a AS (SELECT 1), b AS (SELECT 2) SELECT * FROM a, b"))
			.isEqualTo(QueryOperation.SELECT);
	}

	@Test
	void anythingElseIsOther() {
		assertThat(QueryOperation.of("create table t (id int)")).isEqualTo(QueryOperation.OTHER);
		assertThat(QueryOperation.of("selection")).isEqualTo(QueryOperation.OTHER);
		assertThat(QueryOperation.of("")).isEqualTo(QueryOperation.OTHER);
		assertThat(QueryOperation.of(null)).isEqualTo(QueryOperation.OTHER);
		assertThat(QueryOperation.of("with")).isEqualTo(QueryOperation.OTHER);
	}

}
