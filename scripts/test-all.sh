#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh clone. Installs the locked dependencies if needed, checks for Chromium
# before the long steps, then typecheck, lint, unit + integration (Vitest), a production build and e2e
# (Playwright). Integration tests run on SQLite and, when PostgreSQL is here (or TEST_POSTGRES_URL is set), again on
# PostgreSQL; e2e runs every spec on SQLite, then the PostgreSQL subset E2E_PG_SPECS, then the two-node test
# (scripts/two-nodes.ts: two production processes behind a proxy on that PostgreSQL). Every stage runs (e2e only when the build succeeded); the last line sums up each stage's counts
# and the total time, and the exit status is non-zero when any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
start=$(date +%s)
# shellcheck source=scripts/ensure-deps.sh
. scripts/ensure-deps.sh
step() { printf '\n=== %s\n' "$*"; }
# shellcheck source=scripts/pg-test-server.sh
. scripts/pg-test-server.sh

find_chromium() {
  local p
  for p in "${PLAYWRIGHT_CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$p" ] && [ -x "$p" ] && { echo "$p"; return 0; }
  done
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome" | head -n1
}
step "chromium"
if [ -z "$(find_chromium)" ]; then
  if [ "$(id -u)" = 0 ] && [ -n "${CI:-}" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing; CI is set and we are root: installing Debian's chromium."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ -z "$(find_chromium)" ]; then
  echo "error: the e2e tests need Chromium, and none was found (/usr/bin/chromium, PLAYWRIGHT_CHROMIUM_PATH)." >&2
  echo "Install it first, e.g. on Debian/Ubuntu:  sudo apt-get install chromium" >&2
  exit 1
fi
echo "using $(find_chromium)"

step "dependencies"; ensure_deps || { echo "error: installing the dependencies failed" >&2; exit 1; }

log=$(mktemp -d)
trap 'rm -rf "$log"; pg_test_stop' EXIT
failed=0
# run NAME CMD…: runs a stage, keeps its output for the summary, remembers a failure.
run() {
  local name="$1"; shift
  "$@" 2>&1 | tee "$log/$name"
  local rc=${PIPESTATUS[0]}
  sed -i 's/\x1b\[[0-9;]*m//g' "$log/$name"
  [ "$rc" = 0 ] || failed=1
  return "$rc"
}
count() { grep -Eo "$1" "$log/$2" 2>/dev/null | tail -n1 | grep -Eo '[0-9]+' | head -n1 || true; }

step "typecheck"; run typecheck bin tsc --noEmit; tc=$?
step "lint"; run lint bin eslint . --max-warnings=0; lint=$?
step "unit and integration tests"; run vitest bin vitest run; vt=$?
step "production build"; NODE_ENV=production run build bin next build; build=$?
e2e=skipped
if [ "$build" = 0 ]; then step "e2e tests (SQLite)"; run e2e bin playwright test; e2e=$?; fi
# Sign-in and sessions, the review loop, the class dashboard, account data and Anki media: the paths whose SQL or
# column types (bytes, dates) differ most between the providers.
E2E_PG_SPECS="${E2E_PG_SPECS:-e2e/auth.spec.ts e2e/sessions.spec.ts e2e/review.spec.ts e2e/classes.spec.ts e2e/account.spec.ts e2e/anki.spec.ts}"
e2e_pg=skipped
if [ "$build" = 0 ] && [ "${TEST_POSTGRES:-}" != 0 ] && pg_test_start; then
  # shellcheck disable=SC2086
  step "e2e tests (PostgreSQL): $E2E_PG_SPECS"; E2E_POSTGRES_URL="$PG_TEST_URL" run e2e_pg bin playwright test $E2E_PG_SPECS; e2e_pg=$?
else
  step "e2e tests (PostgreSQL) SKIPPED: no PostgreSQL here (apt-get install postgresql, or set TEST_POSTGRES_URL)"
fi

# Two production processes on one PostgreSQL behind a proxy (sessions, dashboard, rate limit, a node killed mid-review).
two_nodes=skipped
if [ "$build" = 0 ] && [ "${TEST_POSTGRES:-}" != 0 ] && [ -n "${PG_TEST_URL:-}" ]; then
  step "two-node test (PostgreSQL)"; TEST_POSTGRES_URL="$PG_TEST_URL" run two_nodes bin tsx scripts/two-nodes.ts; two_nodes=$?
fi

ts_errors=$(grep -c 'error TS' "$log/typecheck" 2>/dev/null || true)
lint_problems=$(count '[0-9]+ problems?' lint); lint_problems=${lint_problems:-0}
vt_passed=$(grep -E '^\s*Tests\s' "$log/vitest" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || true)
vt_failed=$(grep -E '^\s*Tests\s' "$log/vitest" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' || true)
e2e_passed=$(count '^\s*[0-9]+ passed' e2e); e2e_failed=$(count '^\s*[0-9]+ failed' e2e); e2e_flaky=$(count '^\s*[0-9]+ flaky' e2e)
verdict() { [ "$1" = 0 ] && echo ok || echo FAILED; }
secs=$(( $(date +%s) - start ))
summary="typecheck $(verdict "$tc") (${ts_errors:-0} errors) · lint $(verdict "$lint") (${lint_problems} problems)"
summary+=" · unit+integration $(verdict "$vt") (${vt_passed:-0} passed, ${vt_failed:-0} failed)"
summary+=" · build $(verdict "$build")"
if [ "$e2e" = skipped ]; then summary+=" · e2e skipped (build failed)"; failed=1
else summary+=" · e2e $(verdict "$e2e") (${e2e_passed:-0} passed, ${e2e_failed:-0} failed${e2e_flaky:+, $e2e_flaky flaky})"; fi
pg_passed=$(count '^\s*[0-9]+ passed' e2e_pg); pg_failed=$(count '^\s*[0-9]+ failed' e2e_pg)
if [ "$e2e_pg" = skipped ]; then summary+=" · e2e PostgreSQL skipped"
else summary+=" · e2e PostgreSQL $(verdict "$e2e_pg") (${pg_passed:-0} passed, ${pg_failed:-0} failed)"; fi
tn_passed=$(count '[0-9]+ passed' two_nodes); tn_failed=$(count '[0-9]+ failed' two_nodes)
if [ "$two_nodes" = skipped ]; then summary+=" · two-node test skipped"
else summary+=" · two-node test $(verdict "$two_nodes") (${tn_passed:-0} passed, ${tn_failed:-0} failed)"; fi
if grep -q 'PostgreSQL run SKIPPED' "$log/vitest" 2>/dev/null; then summary+=" · integration on PostgreSQL SKIPPED"; fi
printf '\n=== summary\n%s · total %dm%02ds\n' "$summary" $((secs / 60)) $((secs % 60))
exit "$failed"
