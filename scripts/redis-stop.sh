#!/usr/bin/env bash
# Stops the private Redis that scripts/redis.sh started: bash scripts/redis-stop.sh [root directory].
set -euo pipefail
ROOT="${1:-${DELIBERATION_REDIS_ROOT:-/tmp/deliberation-redis}}"
PORT=$(sed -n 's/^port //p' "$ROOT/redis.conf" 2>/dev/null || true)
[ -n "$PORT" ] || { echo "No Redis of ours in $ROOT." >&2; exit 0; }
command -v redis-cli >/dev/null 2>&1 || exit 0
# SHUTDOWN to that port only: the server answering there is the one whose configuration lives in $ROOT.
redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
echo "Stopped the private Redis on 127.0.0.1:$PORT ($ROOT)." >&2
