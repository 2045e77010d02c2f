#!/usr/bin/env bash
# `npm run demo`: install, migrate, import the course, seed demo accounts, build and start on :3000, one app
# process per core behind the port (docs/decisions/005-review-hot-path.md).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
PORT="${PORT:-3000}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (the first time, better-sqlite3 compiles from source: a few minutes)…"
  npm install --no-audit --no-fund
fi
npx tsx scripts/setup.ts
npx tsx scripts/db-migrate.ts
if [ -f scripts/content-sync.ts ]; then npx tsx scripts/content-sync.ts; fi
npx tsx prisma/seed.ts > data/demo-accounts.txt
cat data/demo-accounts.txt
npx next build
echo
cat data/demo-accounts.txt
echo
echo "Starting on http://localhost:${PORT} (one app process per core: scripts/cluster.ts, APP_NODES to change)"
PORT="$PORT" exec npx tsx scripts/cluster.ts
