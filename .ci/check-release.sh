#!/usr/bin/env bash
# Checks what `./mvnw -Prelease verify` produced, as Maven Central would before it accepts a
# release: each published module's jars are there and hold what they should, every jar has its
# checksums, and each published POM (with what it inherits) carries the metadata Central
# requires. Run it after the release build; it exits non-zero naming the first thing missing.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(./mvnw -q -N help:evaluate -Dexpression=project.version -DforceStdout)
fail() { echo "release check: $*" >&2; exit 1; }
entries() { jar tf "$1" | grep -c "$2" || true; }

# Modules with code: main jar with classes, sources with .java files, javadoc with an index.
for module in observability-core observability-spring-boot-autoconfigure; do
  base="$module/target/$module-$version"
  [ "$(entries "$base.jar" '\.class$')" -gt 0 ] || fail "$base.jar has no classes"
  [ "$(entries "$base-sources.jar" '\.java$')" -gt 0 ] || fail "$base-sources.jar has no sources"
  [ "$(entries "$base-javadoc.jar" '^index\.html$')" -eq 1 ] || fail "$base-javadoc.jar has no index.html"
done
# The starter has no code: its sources and javadoc jars say where the code is.
base="observability-spring-boot-starter/target/observability-spring-boot-starter-$version"
for jar in "$base.jar" "$base-sources.jar" "$base-javadoc.jar"; do
  [ -s "$jar" ] || fail "$jar is missing or empty"
done
[ "$(entries "$base-javadoc.jar" '^README\.txt$')" -eq 1 ] || fail "$base-javadoc.jar has no README.txt"

# Every jar has SHA-256 and SHA-512 checksums that match it.
for module in observability-core observability-spring-boot-autoconfigure observability-spring-boot-starter; do
  for jar in "$module"/target/"$module-$version"*.jar; do
    for algorithm in 256 512; do
      [ -f "$jar.sha$algorithm" ] || fail "$jar.sha$algorithm is missing"
      expected=$(cut -d' ' -f1 < "$jar.sha$algorithm")
      actual=$("sha${algorithm}sum" "$jar" | cut -d' ' -f1)
      [ "$expected" = "$actual" ] || fail "$jar.sha$algorithm does not match the jar"
    done
  done
done

# The metadata Central requires, in each published POM as a user's build reads it.
for module in observability-dependencies . observability-core observability-spring-boot-autoconfigure observability-spring-boot-starter; do
  pom=$(mktemp)
  ./mvnw -q -N -f "$module/pom.xml" help:effective-pom -Doutput="$pom" >/dev/null
  for field in '<name>' '<description>' '<url>https://' '<license>' '<developer>' '<scm' '<connection>scm:git:' '<developerConnection>scm:git:'; do
    grep -q -- "$field" "$pom" || fail "the POM of $module has no $field"
  done
  rm -f "$pom"
done
# Users import the BOM; it must manage every published artifact and nothing of anyone else's.
bom=observability-dependencies/pom.xml
for artifact in observability-core observability-spring-boot-autoconfigure observability-spring-boot-starter; do
  grep -q "<artifactId>$artifact</artifactId>" "$bom" || fail "the BOM does not manage $artifact"
done
[ "$(grep -c '<groupId>' "$bom")" -eq 4 ] || fail "the BOM manages artifacts of other groups"
echo "release check: artifacts, checksums and POM metadata of $version are complete"
