#!/usr/bin/env bash
# Playwright's web server: a fresh, migrated SQLite file for this run, then
# `next start` on the test port. It only ever touches data/e2e*.db — never a
# real database.
#   scripts/e2e-server.sh            seeded demo district on $E2E_PORT (3100)
#   scripts/e2e-server.sh empty      empty database, not demo mode, on $E2E_PORT+1
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-3100}"
name="e2e"
if [ "${1:-}" = "empty" ]; then name="e2e-empty"; port=$((port + 1)); fi
export DATABASE_URL="file:./data/${name}.db"
export NEXTAUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-e2e-secret"
export AUTH_TRUST_HOST=true
# The tests play a reverse proxy: the last X-Forwarded-For entry is the client (e2e/security/login-limit.spec.ts).
export TRUSTED_PROXY_HOPS=1
export PHOTO_DIR="./data/${name}-photos"
unset NEXTAUTH_URL
rm -rf "data/${name}.db" "data/${name}.db-journal" "data/${name}.db-wal" "data/${name}.db-shm" "data/${name}-photos"
npx tsx scripts/db-migrate.ts > /dev/null
if [ "${1:-}" = "empty" ]; then
  export SHAITAI_DEMO=0
else
  export SHAITAI_DEMO=1
  npx tsx prisma/seed.ts > /dev/null
fi
[ -f .next/BUILD_ID ] || npx next build
exec npx next start -p "${port}"
