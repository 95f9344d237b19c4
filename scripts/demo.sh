#!/usr/bin/env bash
# npm run demo — from a fresh clone to a seeded district on the embedded
# database at http://localhost:${PORT:-3000}. Run again, it keeps the data.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing dependencies (npm ci)…"
  npm ci
fi

bash scripts/ensure-env.sh demo

echo "==> Migrating the database…"
npm run --silent db:migrate
echo "==> Seeding the demo district (idempotent)…"
npm run --silent db:seed

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib prisma next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "==> Building…"
  npm run --silent build
fi

port="${PORT:-3000}"
echo "==> Shaitai is starting on http://localhost:${port} (demo accounts: see README, password shaitai-demo)"
PORT="${port}" exec bash scripts/start.sh
