#!/usr/bin/env bash
# Idempotent machine setup: node modules, and Debian chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/@duckdb/node-api ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"; npm ci --no-audit --no-fund
fi
if [ "${EXFILHUNT_SKIP_CHROMIUM:-}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian chromium for browser tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
