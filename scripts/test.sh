#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: types, build, content, node tests (collector,
# site, content tools, package), browser tests in Chromium, Firefox and WebKit. Test files are
# found by pattern, never listed. `BROWSERS=firefox npm test` runs the browser tests in some engines.
set -euo pipefail
shopt -s globstar
cd "$(dirname "$0")/.."
bin=./node_modules/.bin

# Stop at once, before two minutes of other steps, when a Debian package is missing.
bash scripts/system-packages.sh --check

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

# One engine after another, each in its own run (a fresh test server and collector): a failure in
# one engine does not hide the others' results, and each run ends with its own counts.
summary=()
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
IFS=, read -ra engines <<<"${BROWSERS:-chromium,firefox,webkit}"
for engine in "${engines[@]}"; do
  echo "== browser tests: $engine"
  status=0
  BROWSERS=$engine "$bin/web-test-runner" 2>&1 | tee "$log" || status=$?
  # The runner's last progress line for the engine, e.g. "WebKit: |███| 10/10 test files | 180 passed, 0 failed, 6 skipped".
  counts=$(sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | grep -Eo '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' | tail -n 1 || true)
  line="$engine: ${counts:-no result}"
  [ "$status" -eq 0 ] || line+=" (exit $status)"
  summary+=("$line")
  [ "$status" -eq 0 ] || failed=1
done

echo "== browser tests per engine"
printf '%s\n' "${summary[@]}"
exit "$failed"
