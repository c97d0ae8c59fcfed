#!/usr/bin/env bash
# Runs every test: unit, route and database tests (on PGlite, and on PostgreSQL as well when
# DATABASE_URL is set), then the browser and accessibility suite in Chromium.
# Node 20's test runner needs the files listed: a call without files runs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src test -name '*.test.ts' -o -name '*.test.tsx' | grep -v '^test/browser/' | sort)
mapfile -t browser < <(find test/browser -name '*.test.ts' | sort)
export NODE_ENV=test
# The timeout guards against a hang: the axe walk over every page (test/browser/a11y.test.ts)
# took about 6 minutes for 84 pages on 2 cores; with the verantwoording pages it has about twice
# as many, and beside another test file on a busy machine it passed 15 minutes.
node --import tsx --test --test-concurrency=2 --test-timeout=1800000 "${files[@]}" "${browser[@]}"
