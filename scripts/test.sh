#!/usr/bin/env bash
# The test command (`npm test`): type check (server and portal), the portal's build, all tests on
# the embedded PGlite, the browser tests (test/browser: the portals in Debian's Chromium,
# /usr/bin/chromium), then the database tests again on PostgreSQL (PGB_TEST_POSTGRES_URL, default
# the local server at 127.0.0.1:5432). In CI (CI=true) Chromium and PostgreSQL must be there; on a
# developer's machine what is missing is skipped with a warning. At the end the log output of all
# suites is scanned for BSNs and IBANs (test/support/log-scan.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

# Every log line the servers of the suites write (src/server/logger.ts) goes to PGB_LOG_FILE, and
# what the test runner prints to runner-*.log; at the end both are scanned for BSNs and IBANs.
log_dir="${PGB_TEST_LOG_DIR:-$(mktemp -d -t pgb-test-logs.XXXXXX)}"
mkdir -p "$log_dir"
export PGB_LOG_FILE="$log_dir/server.log"
: > "$PGB_LOG_FILE"

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 24 ]; then
  echo "npm test needs Node.js 24 (found $(node --version)); run it through npm, which uses node_modules/.bin/node" >&2
  exit 2
fi

echo "== type check (tsc --noEmit): server, then portal"
npx tsc --noEmit -p .
npx tsc --noEmit -p src/portal

echo "== portal build (vite build → dist/portal)"
npx vite build --config src/portal/vite.config.ts --logLevel warn

# every test file except the browser tests, which run on their own below
mapfile -t unit_and_db < <(find src test -name '*.test.ts' -not -path 'test/browser/*' -not -path 'src/portal/*' | sort)
db_only=( 'test/db/**/*.test.ts' )

echo "== all tests, database tests on PGlite"
env -u DATABASE_URL node --test --test-concurrency=2 "${unit_and_db[@]}" 2>&1 | tee "$log_dir/runner-pglite.log"

chromium="${PGB_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "== browser tests (Chromium: $chromium, PGlite)"
  env -u DATABASE_URL PGB_CHROMIUM="$chromium" node --test --test-concurrency=1 'test/browser/**/*.test.ts' 2>&1 | tee "$log_dir/runner-browser.log"
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium is not installed at $chromium; CI needs it for the browser tests (.ci/run installs it)" >&2
  exit 1
else
  echo "WARNING: Chromium is not installed at $chromium: browser tests skipped (apt-get install chromium)" >&2
fi

pg_url="${PGB_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$pg_url"; then
  echo "== database tests on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" node --test --test-concurrency=2 "${db_only[@]}" 2>&1 | tee "$log_dir/runner-postgres.log"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL at $pg_url is not reachable; CI needs it for the database tests" >&2
  exit 1
else
  echo "WARNING: PostgreSQL at $pg_url is not reachable: database tests ran on PGlite only" >&2
fi

echo "== log scan: no BSN or IBAN in the log output of the suites ($log_dir)"
node test/support/log-scan.ts "$log_dir"/*.log
