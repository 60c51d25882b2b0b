package dev.vantage.observability.benchmarks.overhead;

/**
 * One request path under load.
 * @param name a short name for its files
 * @param label its name in the tables
 * @param path the path wrk asks for
 * @param script the wrk Lua script that shapes the requests, or {@code null} for plain GETs
 */
record Endpoint(String name, String label, String path, String script) {

	/** The shop's catalog: a cached GET. */
	static final Endpoint CATALOG = new Endpoint("catalog", "GET /api/products (cached)", "/api/products", null);

	/** Alice (a customer of acme) places an order for one head lamp, then cancels it: stock stays level. */
	static final Endpoint CHECKOUT = new Endpoint("checkout", "POST /api/orders + cancel (H2, HTTP Basic)",
			"/api/orders", """
					wrk.method = "POST"
					wrk.headers["Content-Type"] = "application/json"
					wrk.headers["Authorization"] = "Basic YWxpY2U6cGFzc3dvcmQ="
					local placed = {}
					request = function()
					  local id = table.remove(placed)
					  if id then
					    return wrk.format("POST", "/api/orders/" .. id .. "/cancel", nil, "")
					  end
					  return wrk.format("POST", "/api/orders", nil, '{"items":[{"productId":2,"quantity":1}]}')
					end
					response = function(status, headers, body)
					  if status == 201 then
					    local id = body:match('"id":(%d+)')
					    if id then table.insert(placed, id) end
					  end
					end
					""");

}
