package dev.vantage.observability.benchmarks;

import java.io.OutputStream;

import ch.qos.logback.core.OutputStreamAppender;

/**
 * Encodes every event as a file appender would and writes the bytes nowhere, so that a
 * benchmark measures the encoding and not the disk.
 *
 * @param <E> the event type
 */
public class DiscardingAppender<E> extends OutputStreamAppender<E> {

	@Override
	public void start() {
		setOutputStream(OutputStream.nullOutputStream());
		super.start();
	}

}
