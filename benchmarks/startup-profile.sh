#!/usr/bin/env bash
# Where the starter's startup time goes: the minimal service (benchmarks/minimal-service) started
# bare, with the starter, and with the starter switched off, each under JFR from its first
# instruction, restarts rotating; per variant the median time to readiness, the main thread's CPU
# samples by phase of Boot's startup, those with a Vantage frame, those configuring Logback, and
# the classes loaded. Argument (optional): starts per variant (3). About 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl benchmarks,benchmarks/minimal-service,benchmarks/minimal-service-vantage -am package
java -cp benchmarks/target/benchmarks.jar dev.vantage.observability.benchmarks.overhead.StartupProfile \
  benchmarks/minimal-service/target/minimal-service-exec.jar \
  benchmarks/minimal-service-vantage/target/minimal-service-vantage.jar "$@"
