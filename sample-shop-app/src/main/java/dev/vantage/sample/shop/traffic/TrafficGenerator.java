package dev.vantage.sample.shop.traffic;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vantage.sample.shop.web.ShopHeader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Drives realistic traffic over HTTP against the running shop, across every shop: browsing,
 * purchases and payments, cancellations, refunds, signups, some failed logins and forbidden
 * calls, an occasional injection-looking query ({@code sample.traffic.attacks}), and the
 * RUM beacons the storefront's visitors' browsers would send, so that every meter gets data.
 * On with {@code sample.traffic.enabled=true}, at {@code sample.traffic.rate} requests/s.
 */
@Component
class TrafficGenerator implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TrafficGenerator.class);

	private static final Map<String, String> CUSTOMERS = Map.of("acme", "alice", "globex", "bob", "initech", "carol");

	private static final Map<String, long[]> PRODUCTS = Map.of("acme", new long[] { 1, 2, 3, 4 }, "globex",
			new long[] { 11, 12, 13 }, "initech", new long[] { 21, 22, 23 });

	private static final List<String> SHOPS = List.of("acme", "globex", "initech");

	private static final List<String> SEARCHES = List.of("", "lamp", "tent", "boot", "pan", "mug", "chair", "desk", "bag");

	private static final Pattern ORDER_ID = Pattern.compile("\"id\":(\\d+)");

	private final boolean enabled;

	private final boolean attacks;

	private final double rate;

	private final Environment environment;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ConcurrentLinkedDeque<String> paidOrders = new ConcurrentLinkedDeque<>();

	private final AtomicLong signups = new AtomicLong(System.currentTimeMillis() % 1_000_000);

	private final String adminPassword;

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable ThreadPoolExecutor workers;

	private final String shopHeader;

	private volatile String base = "";

	TrafficGenerator(@Value("${sample.traffic.enabled:false}") boolean enabled,
			@Value("${sample.traffic.rate:5}") double rate,
			@Value("${sample.traffic.attacks:true}") boolean attacks,
			@Value("${sample.security.admin-password:admin}") String adminPassword,
			@Value(ShopHeader.NAME) String shopHeader, Environment environment) {
		if (!(rate > 0 && rate <= 1000)) {
			throw new IllegalArgumentException("'sample.traffic.rate' must be above 0 and at most 1000, was " + rate);
		}
		this.enabled = enabled;
		this.rate = rate;
		this.attacks = attacks;
		this.adminPassword = adminPassword;
		this.shopHeader = shopHeader;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void begin() {
		if (!this.enabled) {
			return;
		}
		this.base = "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
		// Ticks that find every worker busy are dropped, never queued without bound.
		this.workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
				new ThreadPoolExecutor.DiscardPolicy());
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "traffic-generator");
			thread.setDaemon(true);
			return thread;
		});
		long periodMicros = (long) (1_000_000 / this.rate);
		ticks.scheduleAtFixedRate(() -> this.workers.execute(this::oneAction), 0, periodMicros, TimeUnit.MICROSECONDS);
		this.scheduler = ticks;
		logger.info("Traffic generator sending " + this.rate + " requests/s to " + this.base);
	}

	private void oneAction() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String shop = SHOPS.get(random.nextInt(SHOPS.size()));
		String customer = CUSTOMERS.get(shop);
		long[] products = PRODUCTS.get(shop);
		long product = products[random.nextInt(products.length)];
		int dice = random.nextInt(100);
		try {
			if (dice < 10) {
				get(shop, "/api/products", null);
				storefrontBeacon(random);
			}
			else if (dice < 30) {
				get(shop, "/api/products?q=" + SEARCHES.get(random.nextInt(SEARCHES.size())), null);
			}
			else if (dice < 45) {
				get(shop, "/api/products/" + product, null);
			}
			else if (dice < 65) {
				String order = checkout(shop, customer, product);
				if (order != null && post(shop, "/api/orders/" + order + "/pay", customer, null).contains("\"paid\"")) {
					this.paidOrders.addFirst(shop + ":" + order);
					while (this.paidOrders.size() > 100) {
						this.paidOrders.pollLast();
					}
				}
			}
			else if (dice < 69) {
				String order = checkout(shop, customer, product);
				if (order != null) {
					post(shop, "/api/orders/" + order + "/cancel", customer, null);
				}
			}
			else if (dice < 73) {
				refund();
			}
			else if (dice < 78) {
				post(shop, "/api/signup", null, "{\"username\":\"shopper" + this.signups.incrementAndGet()
						+ "\",\"password\":\"correct-horse-battery\"}");
			}
			else if (dice < 84) {
				send(shop, HttpRequest.newBuilder(uri("/api/me")).header("Authorization", basic(customer, "wrong-password")));
			}
			else if (dice < 87) {
				get(shop, "/api/admin/chaos", customer);
			}
			else if (dice < 89 && this.attacks) {
				get(shop, "/api/products?q=" + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), null);
			}
			else if (dice < 92) {
				get(shop, "/api/products/9999", null);
			}
			else {
				get(shop, "/actuator/health/readiness", null);
			}
		}
		catch (Exception ex) {
			logger.debug("Traffic action failed: " + ex.getMessage());
		}
	}

	/**
	 * What the storefront's RUM script sends when a visitor leaves the page: the Core Web
	 * Vitals of the view (milliseconds; CLS unitless) and, now and then, a script error.
	 */
	private void storefrontBeacon(ThreadLocalRandom random) throws Exception {
		String beacon = String.format(Locale.ROOT,
				"{\"page\":\"/\",\"view\":true,\"errors\":%d,\"metrics\":[{\"name\":\"TTFB\",\"value\":%.1f},"
						+ "{\"name\":\"FCP\",\"value\":%.1f},{\"name\":\"LCP\",\"value\":%.1f},"
						+ "{\"name\":\"INP\",\"value\":%.1f},{\"name\":\"CLS\",\"value\":%.3f}]}",
				(random.nextInt(50) == 0) ? 1 : 0, 40 + random.nextDouble(600), 300 + random.nextDouble(1500),
				700 + random.nextDouble(2800), 30 + random.nextDouble(300), random.nextDouble(0.2));
		this.client.send(HttpRequest.newBuilder(uri("/vantage/rum"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "text/plain")
			.header("Origin", this.base)
			.POST(HttpRequest.BodyPublishers.ofString(beacon))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private @Nullable String checkout(String shop, String customer, long product) throws Exception {
		int quantity = 1 + ThreadLocalRandom.current().nextInt(3);
		String body = post(shop, "/api/orders", customer,
				"{\"items\":[{\"productId\":" + product + ",\"quantity\":" + quantity + "}]}");
		Matcher matcher = ORDER_ID.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private void refund() throws Exception {
		String paid = this.paidOrders.pollLast();
		if (paid != null) {
			String[] parts = paid.split(":");
			post(parts[0], "/api/admin/orders/" + parts[1] + "/refund", "admin", null);
		}
	}

	private String get(String shop, String path, @Nullable String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (user != null) {
			request.header("Authorization", basic(user, password(user)));
		}
		return send(shop, request);
	}

	private String post(String shop, String path, @Nullable String user, @Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (user != null) {
			request.header("Authorization", basic(user, password(user)));
		}
		return send(shop, request);
	}

	private String send(String shop, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.client.send(
				request.header(this.shopHeader, shop).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private String password(String user) {
		return "admin".equals(user) ? this.adminPassword : "password";
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		ScheduledExecutorService ticks = this.scheduler;
		if (ticks != null) {
			ticks.shutdownNow();
		}
		ThreadPoolExecutor pool = this.workers;
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null && !this.scheduler.isShutdown();
	}

}
