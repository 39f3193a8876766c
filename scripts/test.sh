#!/usr/bin/env bash
# The test command (`npm test`): type check, all tests on the embedded PGlite, then the database
# tests again on PostgreSQL (PGB_TEST_POSTGRES_URL, default the local server at 127.0.0.1:5432).
# In CI (CI=true) PostgreSQL must be reachable; on a developer's machine it is skipped with a
# warning when it is not.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 24 ]; then
  echo "npm test needs Node.js 24 (found $(node --version)); run it through npm, which uses node_modules/.bin/node" >&2
  exit 2
fi

echo "== type check (tsc --noEmit)"
npx tsc --noEmit -p .

unit_and_db=( 'src/**/*.test.ts' 'test/**/*.test.ts' )
db_only=( 'test/db/**/*.test.ts' )

echo "== all tests, database tests on PGlite"
env -u DATABASE_URL node --test --test-concurrency=2 "${unit_and_db[@]}"

pg_url="${PGB_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$pg_url"; then
  echo "== database tests on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" node --test --test-concurrency=2 "${db_only[@]}"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL at $pg_url is not reachable; CI needs it for the database tests" >&2
  exit 1
else
  echo "WARNING: PostgreSQL at $pg_url is not reachable: database tests ran on PGlite only" >&2
fi
