package dev.vantage.observability.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that accepts connections and never answers: the dependency that makes
 * naive health checks hang. Counts the connections it accepted.
 */
public final class HangingServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	public HangingServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "hanging-server-" + this.socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				this.open.add(this.socket.accept());
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.socket.getLocalPort() + "/health?token=s3cret";
	}

	public int accepted() {
		return this.accepted.get();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		for (Socket connection : this.open) {
			connection.close();
		}
	}

}
