#!/usr/bin/env bash
# Serves the production build on a fresh, migrated and seeded database for the e2e suite.
set -euo pipefail
db="${DATABASE_URL:?DATABASE_URL must name the e2e database file}"
rm -f "$db" "$db-wal" "$db-shm"
# --no-sample: the specs count the shipped dialogue's commitments (19, all not started); the
# synthetic sample dialogue `npm run demo` adds would change every figure they check.
npm run --silent db:migrate && npm run --silent db:seed -- --demo --no-sample
# server.js, as `npm start`: it records each request's socket address (see README, Security).
exec node server.js --hostname 127.0.0.1 --port "${E2E_PORT:-3100}"
