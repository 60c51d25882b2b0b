#!/usr/bin/env bash
# What adding the starter costs an app that is not ours: a minimal secured Spring MVC service
# (benchmarks/minimal-service) built bare and with the starter, each variant restarted for every
# round, ratios paired restart by restart with bootstrap 95 % intervals: allocation and CPU per
# request, throughput, p99, startup; against the bare build, the bare build with Vantage's Spring
# Security default, the bare build under the OpenTelemetry Java agent, and the bare build with
# datasource-micrometer's Boot module added by hand (what users add for JDBC spans and timers;
# benchmarks/minimal-service-datasource-micrometer). Arguments (all
# optional): bursts per endpoint and restart (3), burst seconds (3), warm-up seconds per endpoint
# (10), wrk connections (8), restarts per variant (5). About 30 minutes with the defaults.
# VARIANTS=bare-security,vantage (any of bare, bare-security, vantage, agent,
# datasource-micrometer) runs only those,
# e.g. to compare allocation before and after a change.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/agent.sh

./mvnw -q -B -DskipTests -am package -pl \
  benchmarks,benchmarks/minimal-service,benchmarks/minimal-service-vantage,benchmarks/minimal-service-datasource-micrometer
fetch_agent
java -cp benchmarks/target/benchmarks.jar dev.vantage.observability.benchmarks.overhead.BareBaseline \
  benchmarks/minimal-service/target/minimal-service-exec.jar \
  benchmarks/minimal-service-vantage/target/minimal-service-vantage.jar "$agent_jar" \
  benchmarks/minimal-service-datasource-micrometer/target/minimal-service-datasource-micrometer.jar "$@"
