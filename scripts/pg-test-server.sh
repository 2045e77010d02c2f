#!/usr/bin/env bash
# Sourced by scripts/test-all.sh: `pg_test_start` sets PG_TEST_URL to a PostgreSQL server URL (TEST_POSTGRES_URL,
# or a throwaway initdb cluster in a temporary folder, run as the postgres user when root) and `pg_test_stop`
# stops and deletes the throwaway one. Returns 1 when there is no PostgreSQL here.
pg_test_start() {
  if [ -n "${TEST_POSTGRES_URL:-}" ]; then PG_TEST_URL="$TEST_POSTGRES_URL"; return 0; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || return 1
  PG_TEST_BIN="$bin"
  PG_TEST_DIR="$(mktemp -d /tmp/course-e2e-pg-XXXXXX)"
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TEST_DIR"; as=(runuser -u postgres --); fi
  PG_TEST_AS=("${as[@]}")
  local port=$((55000 + RANDOM % 900))
  "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres --no-sync -E UTF8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  PG_TEST_URL="postgresql://postgres@127.0.0.1:$port/postgres"
}

pg_test_stop() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    "${PG_TEST_AS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
  fi
}
