package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, from the embedded binaries Maven artifact,
 * stopped when the JVM exits.
 */
public final class EmbeddedPostgresServer {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	public static synchronized EmbeddedPostgres get() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the temporary data directory is removed either way.
				}
			}));
		}
		return server;
	}

}
