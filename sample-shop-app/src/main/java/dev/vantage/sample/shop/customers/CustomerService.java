package dev.vantage.sample.shop.customers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;

import dev.vantage.observability.audit.AuditEvent;
import dev.vantage.observability.audit.AuditLogger;
import dev.vantage.observability.business.BusinessMetrics;
import dev.vantage.sample.shop.web.ConflictException;
import dev.vantage.sample.shop.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer signup: an account that can log in, belonging to one shop.
 */
@Service
public class CustomerService {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,64}");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final BusinessMetrics business;

	private final AuditLogger audit;

	CustomerService(JdbcClient jdbc, PasswordEncoder passwords, BusinessMetrics business, AuditLogger audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.business = business;
		this.audit = audit;
	}

	@Transactional
	public void signup(String shop, String username, String password) {
		if (!USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("'username' must be 3 to 64 of a-z 0-9 . _ @ -");
		}
		if (password.length() < 8 || password.length() > 128) {
			throw new IllegalArgumentException("'password' must be 8 to 128 characters");
		}
		if (this.jdbc.sql("select count(*) from shop where id = ?").param(shop).query(Long.class).single() == 0) {
			throw new NotFoundException("shop '" + shop + "' does not exist");
		}
		if (this.jdbc.sql("select count(*) from users where username = ?").param(username).query(Long.class).single() > 0) {
			throw new ConflictException("username '" + username + "' is taken");
		}
		createAccount(username, this.passwords.encode(password), "ROLE_CUSTOMER");
		this.jdbc.sql("insert into customer (username, shop_id, created_at) values (?, ?, ?)")
			.params(username, shop, Timestamp.from(Instant.now()))
			.update();
		this.business.signup(shop);
		this.audit.log(AuditEvent.builder("customer.signup").principal(username).tenant(shop).action("signup").build());
	}

	/**
	 * Creates a login.
	 * @param username the user name
	 * @param encodedPassword the encoded password
	 * @param authority the role
	 */
	public void createAccount(String username, String encodedPassword, String authority) {
		this.jdbc.sql("insert into users (username, password, enabled) values (?, ?, true)")
			.params(username, encodedPassword)
			.update();
		this.jdbc.sql("insert into authorities (username, authority) values (?, ?)").params(username, authority).update();
	}

	/**
	 * Tells whether a login exists.
	 * @param username the user name
	 * @return {@code true} if it exists
	 */
	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from users where username = ?").param(username).query(Long.class).single() > 0;
	}

	/**
	 * Returns the shop of a customer.
	 * @param username the customer
	 * @return the shop id
	 */
	public String shopOf(String username) {
		return this.jdbc.sql("select shop_id from customer where username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("'" + username + "' is not a customer"));
	}

}
