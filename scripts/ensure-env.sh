#!/usr/bin/env bash
# Writes .env from .env.example with a fresh NEXTAUTH_SECRET when there is none.
# Usage: scripts/ensure-env.sh [demo]   ("demo" also turns on SHAITAI_DEMO)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then exit 0; fi
secret=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))')
sed -e "s|^NEXTAUTH_SECRET=.*|NEXTAUTH_SECRET=\"${secret}\"|" .env.example > .env
if [ "${1:-}" = "demo" ]; then sed -i 's|^SHAITAI_DEMO=.*|SHAITAI_DEMO="1"|' .env; fi
echo "Wrote .env (a fresh secret$([ "${1:-}" = demo ] && echo ', demo mode'))."
