#!/usr/bin/env bash
# The board benchmark end to end: the district-year seed in its own SQLite file
# (made once, ~80 s on a quiet machine), a production server on it, the load,
# then the server stopped. Usage: bash bench/board-load.sh [--concurrency=20] [--requests=300]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=./data/bench/district-year.db
PORT=${BENCH_PORT:-3006}
if [ ! -f "$DB" ]; then
  mkdir -p data/bench
  DATABASE_URL="file:$DB" npx tsx scripts/db-migrate.ts > /dev/null
  DATABASE_URL="file:$DB" npx tsx prisma/seed.ts --volume=district-year
fi
[ -f .next/BUILD_ID ] || NEXTAUTH_SECRET=bench-secret-bench-secret-bench-secret npx next build
# Its own process group, so that stopping it stops npx and next-server alike.
DATABASE_URL="file:$DB" NEXTAUTH_SECRET=bench-secret-bench-secret-bench-secret AUTH_TRUST_HOST=true SHAITAI_DEMO=1 \
  setsid npx next start -p "$PORT" > /tmp/shaitai-bench-server.log 2>&1 < /dev/null &
SERVER=$!
trap 'kill -- -$SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://localhost:$PORT/login" && break; sleep 1; done
npx tsx bench/board-load.ts --base="http://localhost:$PORT" --server-pgid="$SERVER" "$@"
