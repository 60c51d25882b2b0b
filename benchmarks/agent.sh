# Sourced by the request-overhead scripts: checks for wrk and fetches the OpenTelemetry Java
# agent both compare against into benchmarks/target/agent/opentelemetry-javaagent.jar.
agent_version=2.33.1
agent_jar=benchmarks/target/agent/opentelemetry-javaagent.jar
if ! command -v wrk >/dev/null; then
  echo "wrk is needed (Debian/Ubuntu: apt-get install wrk)" >&2
  exit 1
fi
fetch_agent() {
  ./mvnw -q -B -pl benchmarks dependency:copy \
    -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:${agent_version}" \
    -DoutputDirectory="$PWD/benchmarks/target/agent" -Dmdep.stripVersion=true
}
