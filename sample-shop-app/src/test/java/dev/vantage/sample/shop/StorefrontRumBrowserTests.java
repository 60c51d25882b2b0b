package dev.vantage.sample.shop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.vantage.observability.testsupport.ExternalBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The storefront in a real browser (headless Chromium from Debian's {@code chromium} and
 * {@code chromium-driver}): the page loads the RUM script, lists the products, throws an
 * error, gets a click (an interaction, so LCP is final and INP has an input) and is left;
 * the browser's beacon then shows in the shop's own scrape.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "observability.audit.file=target/storefront-test/audit.json")
class StorefrontRumBrowserTests {

	@LocalServerPort
	private int port;

	@TempDir
	private Path profile;

	@Test
	void aRealBrowserReportsVitalsPageViewsAndErrorsOfTheStorefront() {
		Path chromium = ExternalBinary.require("chromium", "chromium");
		Path chromedriver = ExternalBinary.require("chromedriver", "chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			browser.get("http://127.0.0.1:" + this.port + "/");
			await("the storefront to list the products").atMost(Duration.ofSeconds(30))
				.until(() -> !browser.findElements(By.cssSelector("button.add")).isEmpty());
			assertThat(browser.executeScript("return typeof webVitals")).isEqualTo("object");
			// As the page's own code would: an uncaught error and an unhandled rejection.
			browser.executeScript("var script = document.createElement('script');"
					+ "script.textContent = \"setTimeout(function () { throw new Error('storefront test error'); }, 0);"
					+ " Promise.reject(new Error('storefront test rejection'));\";"
					+ "document.body.appendChild(script);");
			List<WebElement> buttons = browser.findElements(By.cssSelector("button.add"));
			buttons.get(0).click();
			await("the cart to count the click").atMost(Duration.ofSeconds(10))
				.until(() -> browser.findElement(By.id("cart-count")).getText().equals("1"));
			browser.get("about:blank");
		}
		finally {
			browser.quit();
		}
		ShopClient shop = new ShopClient(this.port);
		await("the storefront's beacon").atMost(Duration.ofSeconds(30))
			.until(() -> ShopClient.sum(shop.scrape(), "rum_page_views_total", "page", "/") >= 1);
		String scrape = shop.scrape();
		assertThat(ShopClient.sum(scrape, "rum_page_views_total", "page", "/")).isEqualTo(1);
		for (String vital : List.of("lcp", "fcp", "ttfb")) {
			assertThat(ShopClient.sum(scrape, "rum_web_vitals_seconds_count", "metric", vital, "page", "/")).as(vital)
				.isEqualTo(1);
		}
		assertThat(ShopClient.sum(scrape, "rum_web_vitals_seconds_sum", "metric", "lcp", "page", "/")).isPositive()
			.isLessThan(60);
		assertThat(ShopClient.sum(scrape, "rum_cls_thousandths_count", "page", "/")).isEqualTo(1);
		assertThat(ShopClient.sum(scrape, "rum_js_errors_total", "page", "/")).isEqualTo(2);
		assertThat(scrape.lines().filter((line) -> line.startsWith("errors_total{") && line.contains("source=\"rum\"")))
			.as("the error and the rejection, two groups by message and top frame")
			.hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("exception=\"Error\"", "handled=\"false\"").matches(".* 1(\\.0)?"));
		assertThat(ShopClient.sum(scrape, "rum_beacons_rejected_total")).isZero();
		assertThat(ShopClient.sum(scrape, "http_server_requests_seconds_count", "uri", "/vantage/rum.js", "status", "200"))
			.isEqualTo(1);
	}

}
