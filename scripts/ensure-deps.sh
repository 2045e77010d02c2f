# Sourced by scripts/demo.sh and scripts/test-all.sh: installs the locked dependencies when node_modules is
# missing or older than the lockfile (npm install also runs `postinstall`, which generates the Prisma client),
# and defines `bin TOOL ARGS…`, which runs the project's own copy of a tool and fails if it is not installed
# (`npx` would download an unrelated package of the same name instead).
ensure_deps() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing the locked dependencies (the first time, better-sqlite3 compiles from source: a few minutes)…"
    # `npm ci` refuses lockfiles without other platforms' optional packages, which some registry mirrors do not
    # serve; `npm install` installs the locked versions all the same.
    npm install --no-audit --no-fund
  fi
  if [ ! -d lib/generated/prisma ]; then npm run -s db:generate; fi
}
bin() {
  local tool="$1"; shift
  if [ ! -x "node_modules/.bin/$tool" ]; then
    echo "error: node_modules/.bin/$tool is missing; run \`npm install\` (the locked dependencies) first." >&2
    return 127
  fi
  "node_modules/.bin/$tool" "$@"
}
