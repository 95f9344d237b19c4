#!/usr/bin/env bash
# npm test — the whole suite from a fresh clone: the derived PostgreSQL files
# are up to date, typecheck, lint, unit and integration tests on SQLite, a
# build, the integration tests again on a real PostgreSQL 15 plus two app
# servers on it, then Playwright end-to-end tests in the system Chromium.
#
# PostgreSQL: a throwaway server started here (scripts/with-postgres.ts), or
# the one in TEST_POSTGRES_URL; skipped with a loud message only where no
# server binaries exist.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ]; then npm ci; fi

echo "==> derived database files (npm run db:check)"
npm run --silent db:check
echo "==> typecheck"
npm run --silent typecheck
echo "==> lint"
npm run --silent lint
echo "==> formatting (prettier --check)"
npm run --silent format:check
echo "==> unit and integration tests (SQLite)"
npm run --silent test:node
echo "==> build"
NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-build-secret-build-secret-build-secret}" npm run --silent build
# The servers and end-to-end stages seed the demo district for today in Asia/Shanghai and
# then test it for ~20 minutes; a run that crossed the district's midnight would look for
# yesterday's seeded card on today's page. Close to midnight, start just after it instead.
seconds_to_midnight=$(($(TZ=Asia/Shanghai date -d 'tomorrow 00:00' +%s) - $(date +%s)))
if [ "${seconds_to_midnight}" -lt 1800 ]; then
  echo "==> waiting $((seconds_to_midnight / 60 + 1)) min for midnight in Asia/Shanghai: the seeded day must last the whole run"
  sleep $((seconds_to_midnight + 60))
fi
echo "==> integration tests on PostgreSQL, and two app servers on one PostgreSQL"
npm run --silent test:postgres
echo "==> end-to-end tests (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium})"
npm run --silent test:e2e
