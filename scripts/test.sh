#!/usr/bin/env bash
# npm test — the whole suite from a fresh clone: typecheck, lint, unit and
# integration tests (a real SQLite file per run), then Playwright end-to-end
# tests in the system Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ]; then npm ci; fi

echo "==> typecheck"
npm run --silent typecheck
echo "==> lint"
npm run --silent lint
echo "==> unit and integration tests"
npm run --silent test:unit
echo "==> build"
NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-build-secret-build-secret-build-secret}" npm run --silent build
echo "==> end-to-end tests (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium})"
npm run --silent test:e2e
