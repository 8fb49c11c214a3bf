#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then lab -> investigate -> report.
set -euo pipefail
cd "$(dirname "$0")/.."
EXFILHUNT_SKIP_CHROMIUM=${EXFILHUNT_SKIP_CHROMIUM:-0} bash scripts/setup.sh
npm run --silent build
node bin/exfilhunt.js demo "$@"
