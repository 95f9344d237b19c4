#!/usr/bin/env bash
# npm start: the production server on PORT (default 3000), one worker per core
# (WEB_CONCURRENCY to choose; scripts/cluster.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/cluster.mjs
