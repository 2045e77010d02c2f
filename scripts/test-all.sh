#!/usr/bin/env bash
# `npm test`: the whole suite. Typecheck, lint, unit + integration (Vitest: integration tests on SQLite and, when
# PostgreSQL is here, again on PostgreSQL), then e2e (Playwright) on a fresh production build: all specs on SQLite,
# then the PostgreSQL subset (E2E_PG_SPECS). Exits non-zero on the first failure.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n=== %s\n' "$*"; }
# shellcheck source=scripts/pg-test-server.sh
source "$(dirname "$0")/pg-test-server.sh"
step "typecheck"; npx tsc --noEmit
step "lint"; npx eslint . --max-warnings=0
step "unit and integration tests (SQLite, and PostgreSQL when available)"; npx vitest run
step "production build"; NODE_ENV=production npx next build
step "e2e tests (SQLite)"; npx playwright test
# Sign-in, the review loop and the class dashboard: the paths whose SQL differs most between providers.
E2E_PG_SPECS="${E2E_PG_SPECS:-e2e/auth.spec.ts e2e/review.spec.ts e2e/classes.spec.ts}"
if [ "${TEST_POSTGRES:-}" != 0 ] && pg_test_start; then
  trap pg_test_stop EXIT
  # shellcheck disable=SC2086
  step "e2e tests (PostgreSQL): $E2E_PG_SPECS"; E2E_POSTGRES_URL="$PG_TEST_URL" npx playwright test $E2E_PG_SPECS
else
  step "e2e tests (PostgreSQL) SKIPPED: no PostgreSQL here. Install it (apt-get install postgresql) or set TEST_POSTGRES_URL."
fi
