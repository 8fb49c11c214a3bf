#!/usr/bin/env bash
# The one test command (README Quick start and .ci/run): installs what is missing,
# then type-checks, lints, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint"; npx eslint src test bench scripts
echo "== format"; npx prettier --check --log-level warn src test bench scripts
echo "== build"; npm run --silent build
echo "== tests"; node scripts/run-tests.mjs "$@"
