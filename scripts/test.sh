#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: types, build, content, server, browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=./node_modules/.bin

echo "== type check"
"$bin/tsc" --noEmit -p .

echo "== build"
npm run build --silent
node scripts/check-budgets.mjs

echo "== content check"
node scripts/check-content.mjs content

echo "== node tests (collector, content tools)"
node --test test/server/ test/content/ test/package/ test/budgets/ test/security/

echo "== browser tests (Chromium)"
"$bin/web-test-runner"
