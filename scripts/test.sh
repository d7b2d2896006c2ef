#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: types, build, content, node tests (collector,
# site, content tools, package), browser tests. Test files are found by pattern, never listed.
set -euo pipefail
shopt -s globstar
cd "$(dirname "$0")/.."
bin=./node_modules/.bin

echo "== type check"
"$bin/tsc" --noEmit -p .

echo "== build"
npm run build --silent
node scripts/check-budgets.mjs

echo "== content check"
node scripts/check-content.mjs content

echo "== node tests (collector, site, content tools, package)"
node --test server/test/**/*.test.js test/node/**/*.test.js

echo "== browser tests"
"$bin/web-test-runner"
