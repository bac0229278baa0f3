#!/usr/bin/env bash
# Runs every test: build, then the whole solution, on SQLite and on a local PostgreSQL that this script
# installs and starts itself (set DELIBERATION_SKIP_POSTGRES=1 to skip those cases; they are then reported as skipped),
# and on a private Redis for the cluster cases, started the same way (DELIBERATION_SKIP_REDIS=1 skips those); the
# browser tests run in Debian's Chromium, installed if missing (DELIBERATION_SKIP_BROWSER=1 skips those).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${DELIBERATION_SKIP_POSTGRES:-0}" = "1" ]; then
  echo "PostgreSQL cases will be skipped (DELIBERATION_SKIP_POSTGRES=1)." >&2
  unset DELIBERATION_TEST_POSTGRES
else
  eval "$(bash scripts/postgres.sh)"
  echo "PostgreSQL for tests: ${DELIBERATION_TEST_POSTGRES%%Password=*}..." >&2
fi

log=$(mktemp)
# Nothing of the run may outlive it (a runner may wait for every process it started): no MSBuild nodes kept for
# reuse, the compiler servers shut down, and a PostgreSQL or Redis this run started stopped.
export MSBUILDDISABLENODEREUSE=1
finish() {
  rm -f "$log"
  dotnet build-server shutdown >/dev/null 2>&1 || true
  if [ -n "${DELIBERATION_PG_STARTED:-}" ]; then bash scripts/postgres-stop.sh "$DELIBERATION_PG_STARTED"; fi
  if [ -n "${DELIBERATION_REDIS_STARTED:-}" ]; then bash scripts/redis-stop.sh "$DELIBERATION_REDIS_STARTED"; fi
}
trap finish EXIT

# After the trap: a PostgreSQL this run started is stopped even if Redis cannot be had.
if [ "${DELIBERATION_SKIP_REDIS:-0}" = "1" ]; then
  echo "Redis cluster cases will be skipped (DELIBERATION_SKIP_REDIS=1)." >&2
  unset DELIBERATION_TEST_REDIS
else
  eval "$(bash scripts/redis.sh)"
  echo "Redis for tests: $DELIBERATION_TEST_REDIS" >&2
fi

# The browser tests drive Debian's Chromium (installed here if missing); they skip themselves without it.
bash scripts/chromium.sh

status=0
# A test that hangs is stopped after 5 minutes and named, instead of holding the run until CI gives up.
dotnet test Deliberation.sln --nologo -c Release --logger "console;verbosity=minimal" \
  --blame-hang-timeout 5m --blame-hang-dump-type none 2>&1 | tee "$log" || status=$?

# One plain closing line for every runner that reads it: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- Failed: /{
  for (i = 1; i <= NF; i++) { v = $(i+1); gsub(/,/, "", v)
    if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
