#!/usr/bin/env bash
# Stops what scripts/two-nodes.sh started: its two app processes and its nginx (by their pid files only).
# PostgreSQL and Redis are left running (scripts/postgres-stop.sh, scripts/redis-stop.sh).
set -euo pipefail
ROOT="${1:-${DELIBERATION_NODES_ROOT:-/tmp/deliberation-nodes}}"
if [ -s "$ROOT/nginx.pid" ] && command -v nginx >/dev/null 2>&1; then
  nginx -p "$ROOT" -c "$ROOT/nginx.conf" -s quit 2>/dev/null || true
fi
for name in node1 node2; do
  pidfile="$ROOT/$name.pid"
  [ -s "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  # Only if that pid is still a dotnet running our app (a pid may have been reused since).
  if ps -o args= -p "$pid" 2>/dev/null | grep -q 'Deliberation.Web.dll'; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$pidfile"
done
echo "Stopped the two nodes and nginx ($ROOT)." >&2
