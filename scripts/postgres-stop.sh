#!/usr/bin/env bash
# Stops the private test PostgreSQL that scripts/postgres.sh started: bash scripts/postgres-stop.sh [data directory].
set -euo pipefail
DATA="${1:-${DELIBERATION_PG_DATA:-/tmp/deliberation-pg/data}}"
BINDIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$BINDIR" ] || exit 0
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
else
  sudo -u postgres -- "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
fi
echo "Stopped the test PostgreSQL ($DATA)." >&2
