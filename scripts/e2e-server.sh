#!/usr/bin/env bash
# Starts the production build for e2e tests on its own port with a fresh database: a SQLite file, or with
# E2E_POSTGRES_URL=postgresql://…/postgres (a server URL) a fresh PostgreSQL database e2e_<port> on that server.
set -euo pipefail
PORT="${1:-3100}"
export SIGN_UP_LIMIT=10000  # every e2e test signs up a fresh learner from loopback
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 APP_MODE=demo
export NEXTAUTH_URL="http://localhost:${PORT}"
export NEXTAUTH_SECRET="e2e-only-secret-not-used-anywhere-else-0123456789"
rm -f data/e2e.db data/e2e.db-journal data/e2e.db-wal data/e2e.db-shm
mkdir -p data
. scripts/ensure-deps.sh
if [ -n "${E2E_POSTGRES_URL:-}" ]; then
  DATABASE_URL="$(bin tsx scripts/db/pg-fresh.ts "$E2E_POSTGRES_URL" "e2e_${PORT}")"
else
  DATABASE_URL="file:./data/e2e.db"
fi
export DATABASE_URL
[ -f .next/BUILD_ID ] || bin next build
bin tsx scripts/db-migrate.ts
if [ -f scripts/content-sync.ts ]; then bin tsx scripts/content-sync.ts; fi
bin tsx prisma/seed.ts
# A second instructor, for specs about what one instructor must not see or change of another's classes.
bin tsx scripts/create-user.ts --role instructor --email other-instructor@example.com \
  --name "Otto Instructor" --password other-instructor-demo
# A second course beside the demo course, owned by the other instructor (catalogue and course-rights specs).
bin tsx scripts/content-sync.ts --content e2e/content/second-course --owner other-instructor@example.com
PORT="$PORT" exec node_modules/.bin/tsx scripts/serve.ts
