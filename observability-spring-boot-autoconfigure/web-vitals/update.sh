#!/usr/bin/env bash
# Produces the pinned copy of the web-vitals library that the RUM script serves:
# downloads the npm package at the version below, checks it against the registry's
# published sha512 integrity, and writes its IIFE build and licence to
# src/main/resources/META-INF/vantage/web-vitals/ with a checksum file that a test holds
# the copy to. The copy is never edited by hand: to move to a new version, change VERSION
# and INTEGRITY (from `npm view web-vitals@<version> dist.integrity`) and run this again.
set -euo pipefail
cd "$(dirname "$0")"

VERSION=6.2.3
INTEGRITY=sha512-Dmy+vdO1UPMqXiAtZSNayhl4f794Bxfd94W4HIj2HlYtczEQfEOon969memlcpcHrTuOKLa5baFjX7WbgmOq+A==

target=../src/main/resources/META-INF/vantage/web-vitals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

curl -fsSL --max-time 60 -o "$work/web-vitals.tgz" "https://registry.npmjs.org/web-vitals/-/web-vitals-${VERSION}.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$work/web-vitals.tgz" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "web-vitals ${VERSION}: integrity ${actual} is not the pinned ${INTEGRITY}" >&2
  exit 1
fi
tar -xzf "$work/web-vitals.tgz" -C "$work" package/dist/web-vitals.iife.js package/LICENSE
mkdir -p "$target"
cp "$work/package/dist/web-vitals.iife.js" "$target/web-vitals.iife.js"
cp "$work/package/LICENSE" "$target/LICENSE"
{
  echo "# Written by web-vitals/update.sh; checked by RumScriptTests."
  echo "version=${VERSION}"
  echo "integrity=${INTEGRITY}"
  echo "sha256=$(sha256sum "$target/web-vitals.iife.js" | cut -d' ' -f1)"
} > "$target/web-vitals.properties"
echo "web-vitals ${VERSION} written to ${target}"
