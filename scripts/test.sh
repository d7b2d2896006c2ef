#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: types, build, content, then the node tests
# (collector, site, content tools, package) beside the browser tests in Chromium, Firefox and WebKit. Test files are
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

# The node tests run beside the browser runs (one core each, about 3 of the 12 minutes saved); their
# output is printed after the browser runs. One throwaway PostgreSQL cluster for the whole node
# run, stopped at the end (also on failure).
echo "== node tests (collector on SQLite and PostgreSQL, site, content tools, package): started, output after the browser tests"
log=$(mktemp)
node_log=$(mktemp)
node server/test/support/with-postgres.js node --test --test-reporter=spec server/test/**/*.test.js test/node/**/*.test.js >"$node_log" 2>&1 &
node_pid=$!
trap '[ -z "$node_pid" ] || kill "$node_pid" 2>/dev/null || true; rm -f "$log" "$node_log"' EXIT

# One engine after another, each in its own run (a fresh test server and collector): a failure in
# one engine does not hide the others' results, and each run ends with its own counts.
summary=()
failed=0
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

echo "== node tests (collector on SQLite and PostgreSQL, site, content tools, package)"
status=0
wait "$node_pid" || status=$?
node_pid=
cat "$node_log"
# The spec reporter's last lines, e.g. "ℹ pass 393" and "ℹ fail 0".
pass=$(grep -Eo '^ℹ pass [0-9]+' "$node_log" | grep -Eo '[0-9]+$' || true)
fail=$(grep -Eo '^ℹ fail [0-9]+' "$node_log" | grep -Eo '[0-9]+$' || true)
line="node: ${pass:-?} passed, ${fail:-?} failed"
[ "$status" -eq 0 ] || line+=" (exit $status)"
summary=("$line" "${summary[@]}")
[ "$status" -eq 0 ] || failed=1

echo "== tests per runner"
printf '%s\n' "${summary[@]}"
exit "$failed"
