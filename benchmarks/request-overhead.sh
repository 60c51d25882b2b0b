#!/usr/bin/env bash
# What Vantage costs each request of the sample shop (catalog GET and checkout), measured with
# wrk against Vantage off (plain Actuator) and the OpenTelemetry Java agent: CPU time and
# allocation per request in paired bursts with bootstrap 95 % intervals, a JFR attribution of
# the request threads' CPU, and startup. Arguments (all optional): rounds (20), burst seconds (5),
# warm-up seconds (30), wrk connections (8), startups per variant (5). With `ablation` first, it
# prices each concern on checkout instead (Vantage with every concern off, then each concern on alone);
# with `profile` first, only the JFR attribution runs (a few minutes, immune to machine noise); with
# `startup` first, only the startups.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/agent.sh

./mvnw -q -B -DskipTests -pl sample-shop-app,benchmarks -am package
fetch_agent
java -cp benchmarks/target/benchmarks.jar dev.vantage.observability.benchmarks.overhead.RequestOverhead \
  sample-shop-app/target/sample-shop-app.jar "$agent_jar" "$@"
