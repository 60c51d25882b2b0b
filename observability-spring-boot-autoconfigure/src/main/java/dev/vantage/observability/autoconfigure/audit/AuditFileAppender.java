package dev.vantage.observability.autoconfigure.audit;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;

import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.util.FileUtil;
import org.jspecify.annotations.Nullable;

/**
 * The audit log's rolling file appender: every event is either on disk or reported lost.
 * <p>
 * Logback's {@link RollingFileAppender} writes through a resilient stream that swallows the
 * {@link IOException} of a full or read-only volume, reports it once with the stream as the
 * status origin, buffers and then drops writes until a recovery attempt reopens the file; the
 * caller cannot tell a written event from a lost one. This appender writes each encoded event
 * straight to the file and checks the result: a failed write is cut back off the file (no
 * partial line stays behind), reported as an error status whose origin is this appender (which
 * {@link AuditAppenderFailureListener} counts), and the next event simply tries again, so
 * writing resumes the moment space returns. Prudent mode is not supported.
 *
 * @param <E> the event type
 */
public class AuditFileAppender<E> extends RollingFileAppender<E> {

	private @Nullable FileOutputStream file;

	private long lost;

	@Override
	public void start() {
		if (isPrudent()) {
			addError("Prudent mode is not supported by " + getClass().getSimpleName() + " [" + getName() + "]");
			return;
		}
		super.start();
	}

	/** Opens the file without Logback's resilient, buffering stream: a failed write must be seen. */
	@Override
	public void openFile(String fileName) throws IOException {
		this.streamWriteLock.lock();
		try {
			File target = new File(fileName);
			if (!FileUtil.createMissingParentDirectories(target)) {
				addError("Failed to create parent directories for [" + target.getAbsolutePath() + "]");
			}
			FileOutputStream stream = new FileOutputStream(target, isAppend());
			this.file = stream;
			setOutputStream(stream);
		}
		finally {
			this.streamWriteLock.unlock();
		}
	}

	@Override
	protected void writeOut(E event) throws IOException {
		byte[] bytes = this.encoder.encode(event);
		if (bytes == null || bytes.length == 0) {
			return;
		}
		this.streamWriteLock.lock();
		try {
			FileOutputStream stream = this.file;
			long before = position(stream);
			try {
				if (stream == null) {
					throw new IOException("the audit file is not open");
				}
				stream.write(bytes);
			}
			catch (IOException ex) {
				cutBack(stream, before);
				this.lost++;
				addStatus(new LostEvent("Audit event lost: it could not be written to [" + getFile() + "]", this, ex));
				return;
			}
			updateByteCount(bytes);
			if (this.lost > 0) {
				addInfo("Audit events are written to [" + getFile() + "] again; " + this.lost + " were lost meanwhile");
				this.lost = 0;
			}
		}
		finally {
			this.streamWriteLock.unlock();
		}
	}

	private static long position(@Nullable FileOutputStream stream) {
		if (stream == null) {
			return -1;
		}
		try {
			return stream.getChannel().position();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** Removes what a failed write left of its line, so that the file holds whole lines only. */
	private void cutBack(@Nullable FileOutputStream stream, long before) {
		if (stream == null || before < 0) {
			return;
		}
		try {
			FileChannel channel = stream.getChannel();
			if (channel.size() > before) {
				channel.truncate(before);
			}
		}
		catch (IOException ex) {
			addWarn("Could not remove a partly written audit line from [" + getFile() + "]", ex);
		}
	}

	/** The error status of one event that could not be written. */
	public static final class LostEvent extends ErrorStatus {

		LostEvent(String message, Object origin, Throwable cause) {
			super(message, origin, cause);
		}

	}

}
