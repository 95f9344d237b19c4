#!/usr/bin/env bash
# Playwright's web server: a fresh, migrated, seeded SQLite file for this run,
# then `next start` on the test port. It only ever touches data/e2e.db — never
# a real database.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./data/e2e.db"
export NEXTAUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-e2e-secret"
export AUTH_TRUST_HOST=true
export SHAITAI_DEMO=1
export PHOTO_DIR="./data/e2e-photos"
unset NEXTAUTH_URL
rm -rf data/e2e.db data/e2e.db-journal data/e2e.db-wal data/e2e.db-shm data/e2e-photos
npx tsx scripts/db-migrate.ts > /dev/null
npx tsx prisma/seed.ts > /dev/null
[ -f .next/BUILD_ID ] || npx next build
exec npx next start -p "${E2E_PORT:-3100}"
