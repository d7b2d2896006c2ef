#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: types, build, content, node tests (collector,
# site, content tools, package), browser tests. Test files are found by pattern, never listed.
set -euo pipefail
shopt -s globstar
cd "$(dirname "$0")/.."
bin=./node_modules/.bin

# The collector's tests need PostgreSQL's server binaries: stop now, naming the install command, if they are missing.
node server/test/support/with-postgres.js --check

echo "== type check (widget, then the collector's JSDoc)"
"$bin/tsc" --noEmit -p .
"$bin/tsc" -p server/tsconfig.json

echo "== build"
npm run build --silent
node scripts/check-budgets.mjs

echo "== content check"
node scripts/check-content.mjs content

echo "== node tests (collector on SQLite and PostgreSQL, site, content tools, package)"
# One throwaway PostgreSQL cluster for the whole run, stopped at the end (also on failure).
node server/test/support/with-postgres.js node --test server/test/**/*.test.js test/node/**/*.test.js

echo "== browser tests"
"$bin/web-test-runner"
