#!/usr/bin/env bash
# Request overhead of Vantage on the sample shop's catalog endpoint, measured with wrk: the shop
# with Vantage off (baseline), with Vantage on, and with Vantage off under the OpenTelemetry
# Java agent, in interleaved runs. Arguments (all optional): rounds, measured seconds,
# warm-up seconds, wrk connections.
set -euo pipefail
cd "$(dirname "$0")/.."

agent_version=2.33.1
if ! command -v wrk >/dev/null; then
  echo "wrk is needed (Debian/Ubuntu: apt-get install wrk)" >&2
  exit 1
fi
./mvnw -q -B -DskipTests -pl sample-shop-app,benchmarks -am package
./mvnw -q -B -pl benchmarks dependency:copy \
  -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:${agent_version}" \
  -DoutputDirectory="$PWD/benchmarks/target/agent" -Dmdep.stripVersion=true
java -cp benchmarks/target/benchmarks.jar dev.vantage.observability.benchmarks.RequestOverhead \
  sample-shop-app/target/sample-shop-app.jar benchmarks/target/agent/opentelemetry-javaagent.jar "$@"
