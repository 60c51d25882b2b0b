package dev.vantage.observability.compatibility.apps;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;

/**
 * {@code @EnableAsync} with no executor of its own: Boot's {@code applicationTaskExecutor} runs
 * the work. The scenario answers with the name of the thread an {@code @Async} method ran on.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@Import(AsyncApplication.Work.class)
public class AsyncApplication {

	@Bean
	Supplier<String> scenario(Work work) {
		return () -> work.threadName().join();
	}

	@Service
	public static class Work {

		@Async
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
