#!/usr/bin/env bash
# `npm test`: the whole suite. Typecheck, lint, unit + integration (Vitest), then e2e (Playwright) on a
# fresh production build. Exits non-zero on the first failure.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n=== %s\n' "$*"; }
step "typecheck"; npx tsc --noEmit
step "lint"; npx eslint . --max-warnings=0
step "unit and integration tests"; npx vitest run
step "production build"; NODE_ENV=production npx next build
step "e2e tests"; npx playwright test
