#!/usr/bin/env bash
# Runs every test: unit, route and database tests (on PGlite, and on PostgreSQL as well when
# DATABASE_URL is set), then the browser and accessibility suite in Chromium.
# Node 20's test runner needs the files listed: a call without files runs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src test -name '*.test.ts' -o -name '*.test.tsx' | grep -v '^test/browser/' | sort)
mapfile -t browser < <(find test/browser -name '*.test.ts' | sort)
export NODE_ENV=test
# Each test file writes here how many of its tests did not run on PostgreSQL (test/support/db.ts).
NPO_TEST_REPORT_DIR="$(mktemp -d)"
export NPO_TEST_REPORT_DIR
trap 'rm -rf "$NPO_TEST_REPORT_DIR"' EXIT
# The timeout guards against a hang: the axe walk over every page (test/browser/a11y.test.ts)
# took about 6 minutes for 84 pages on 2 cores; with the verantwoording pages it has about twice
# as many, and beside another test file on a busy machine it passed 15 minutes.
status=0
node --import tsx --test --test-concurrency=2 --test-timeout=1800000 "${files[@]}" "${browser[@]}" || status=$?
if [ -z "${DATABASE_URL:-}" ]; then
  missing=$(cat "$NPO_TEST_REPORT_DIR"/postgres-not-run-* 2>/dev/null | awk '{ n += $1 } END { print n + 0 }')
  echo "PostgreSQL: ${missing} databasetests niet gedraaid, want DATABASE_URL is niet gezet."
  echo "  Draai ze zo: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test"
fi
exit "$status"
