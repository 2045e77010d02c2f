#!/usr/bin/env bash
# `npm run demo`: install, migrate, import the course, seed demo accounts, build and start on :3000, one app
# process per core behind the port (docs/decisions/005-review-hot-path.md).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
PORT="${PORT:-3000}"
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
ensure_deps
bin tsx scripts/setup.ts
bin tsx scripts/db-migrate.ts
if [ -f scripts/content-sync.ts ]; then bin tsx scripts/content-sync.ts; fi
bin tsx prisma/seed.ts > data/demo-accounts.txt
cat data/demo-accounts.txt
bin next build
echo
cat data/demo-accounts.txt
echo
echo "Starting on http://localhost:${PORT} (one app process per core: scripts/cluster.ts, APP_NODES to change)"
PORT="$PORT" exec node_modules/.bin/tsx scripts/cluster.ts
