#!/usr/bin/env bash
# The one test command: installs what the tests need, starts a throw-away PostgreSQL on 127.0.0.1, builds once,
# runs every test project (SQLite, PostgreSQL and Chromium tests), stops PostgreSQL, and ends with the plain line
# "N passed, N failed". Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Scoping).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# --- what the tests need, installed only when missing (fresh Debian 12 with the .NET SDK) ---------------------
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ -x /usr/sbin/nginx ] || need+=(nginx)   # the multi-host test's reverse proxy (Hosting/MultiHostTests), run by the test itself
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Installed packages must not start system services (nginx would take port 80): a policy that refuses every start,
  # only for this install and only when the machine has none of its own.
  own_policy=0; [ -e /usr/sbin/policy-rc.d ] && own_policy=1
  [ $own_policy -eq 1 ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ $own_policy -eq 1 ] || rm -f /usr/sbin/policy-rc.d
fi

# --- the OpenAPI linter (Redocly, pinned by tools/openapi/package-lock.json), run by the OpenAPI document test ----
[ -f tools/openapi/node_modules/@redocly/cli/bin/cli.js ] || (cd tools/openapi && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)

# --- a throw-away PostgreSQL cluster (Debian's postgres refuses to run as root) --------------------------------
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DIR=$(mktemp -d /tmp/qianglian-pg.XXXXXX)
chown postgres:postgres "$PG_DIR"
PORT=55432
while (echo > /dev/tcp/127.0.0.1/$PORT) >/dev/null 2>&1; do PORT=$((PORT + 1)); done
stop_pg() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export QIANGLIAN_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Include Error Detail=true"
export QIANGLIAN_TEST_ARTIFACTS="$ROOT/artifacts"
mkdir -p "$QIANGLIAN_TEST_ARTIFACTS"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

# --- build once, run every test project ------------------------------------------------------------------------
RESULTS=$(mktemp -d /tmp/qianglian-results.XXXXXX)
# No build servers left behind to hold CI's output open.
dotnet build Qianglian.sln -c Release -nologo -v q --disable-build-servers
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  # A hung test fails the run instead of eating CI's time.
  dotnet test "$project" -c Release --no-build --nologo --blame-hang-timeout 5m \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" || status=1
done

# --- count ------------------------------------------------------------------------------------------------------
passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/FAILED: \1/p' || true
done
rm -rf "$RESULTS"
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
