#!/usr/bin/env bash
# The Debian packages the tests need, each checked by a file it installs:
#   chromium           /usr/lib/chromium/chromium (or $CHROME_PATH)   browser tests, Playwright node tests
#   firefox-esr        /usr/bin/firefox-esr (or $FIREFOX_PATH)        browser tests
#   webkit2gtk-driver  /usr/bin/WebKitWebDriver and MiniBrowser       browser tests
#   xvfb, xauth        /usr/bin/xvfb-run, /usr/bin/xauth (WebKit has no headless mode; xvfb-run
#                      needs xauth, which xvfb only recommends)
#   g++, make, python3 better-sqlite3 builds from source (no prebuilt binary can be downloaded here)
#   postgresql         /usr/lib/postgresql/*/bin/initdb (or $PG_BIN)  the collector's tests start a
#                      throwaway cluster
# Usage: system-packages.sh            prints the missing packages, one a line
#        system-packages.sh --check    stops with the one apt-get line if any is missing
#        system-packages.sh --install  installs the missing ones with apt-get (as root; .ci/run)
set -euo pipefail

missing=()
need() { [ -x "$2" ] || missing+=("$1"); }
need chromium "${CHROME_PATH:-/usr/lib/chromium/chromium}"
need firefox-esr "${FIREFOX_PATH:-/usr/bin/firefox-esr}"
need webkit2gtk-driver /usr/bin/WebKitWebDriver
need webkit2gtk-driver "${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
need xvfb /usr/bin/xvfb-run
need xauth /usr/bin/xauth
# better-sqlite3 is compiled from source (no prebuilt binary can be downloaded here), for Node 24 too.
need g++ /usr/bin/g++
need make /usr/bin/make
need python3 /usr/bin/python3
if [ -z "${PG_BIN:-}" ] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then missing+=(postgresql); fi
# One entry per package, in the order above.
mapfile -t missing < <(printf '%s\n' ${missing[@]+"${missing[@]}"} | awk 'NF && !seen[$0]++')

case "${1:-}" in
  --check)
    if [ ${#missing[@]} -gt 0 ]; then
      echo "Missing Debian packages for the tests: ${missing[*]}. Install them (as root) with:" >&2
      echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi ;;
  --install)
    if [ ${#missing[@]} -gt 0 ]; then
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi ;;
  '') [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}" ;;
  *) echo "usage: $0 [--check|--install]" >&2; exit 2 ;;
esac
