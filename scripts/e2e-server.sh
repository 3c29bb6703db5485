#!/usr/bin/env bash
# Serves the production build on a fresh, migrated and seeded database for the e2e suite.
set -euo pipefail
db="${DATABASE_URL:?DATABASE_URL must name the e2e database file}"
rm -f "$db" "$db-wal" "$db-shm"
npm run --silent db:migrate && npm run --silent db:seed -- --demo
# server.js, as `npm start`: it records each request's socket address (see README, Security).
exec node server.js --hostname 127.0.0.1 --port "${E2E_PORT:-3100}"
