#!/usr/bin/env bash
# Makes a private Redis available (for the Redis test cases and a two-node cluster), idempotently (Debian 12, as root
# or with sudo). stdout carries only lines for the caller to eval:
#   export DELIBERATION_TEST_REDIS='127.0.0.1:56379'
#   export DELIBERATION_REDIS_STARTED='/tmp/deliberation-redis'   (only when this run started the server)
# Everything else goes to stderr.
# Overridable: DELIBERATION_REDIS_PORT (56379), DELIBERATION_REDIS_ROOT (/tmp/deliberation-redis).
set -euo pipefail
exec 3>&1 1>&2   # fd 3 = the caller's stdout; all ordinary output goes to stderr

PORT="${DELIBERATION_REDIS_PORT:-56379}"
ROOT="${DELIBERATION_REDIS_ROOT:-/tmp/deliberation-redis}"
CONF="$ROOT/redis.conf"
LOG="$ROOT/redis.log"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

answers() {
  [ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null || true)" = PONG ]
}

# Runs with fd 3 closed: a daemon that inherited it (the redis-server started here, or the service apt starts) would
# hold the caller's $(...) open, and the caller would never return.
STARTED=0
prepare() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    echo "Redis not found; installing it from the distribution's packages..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
    # The package starts a system-wide server on 6379 where it can; ours is private and on its own port.
  fi
  echo "Using $(redis-server --version)"

  if answers; then
    echo "A Redis already answers on 127.0.0.1:$PORT; reusing it."
    return
  fi

  mkdir -p "$ROOT"
  chmod 700 "$ROOT"
  # Loopback only, no persistence of its own: membership rows are rewritten by live silos, and the backplane keeps none.
  cat > "$CONF" <<CONF
bind 127.0.0.1
port $PORT
protected-mode yes
daemonize yes
dir $ROOT
pidfile $ROOT/redis.pid
logfile $LOG
save ""
appendonly no
CONF
  # A server that was killed leaves its pid file behind; redis-server overwrites it, so nothing to clean up.
  echo "Starting Redis on 127.0.0.1:$PORT (log: $LOG)"
  STARTED=1
  redis-server "$CONF"

  for _ in $(seq 1 50); do
    if answers; then return; fi
    sleep 0.2
  done
  echo "Redis did not answer on 127.0.0.1:$PORT; see $LOG" >&2
  exit 1
}
prepare 3>&-

echo "Redis is ready on 127.0.0.1:$PORT"
printf "export DELIBERATION_TEST_REDIS='127.0.0.1:%s'\n" "$PORT" >&3
# A server this run started is the caller's to stop (scripts/redis-stop.sh); one it found running is left alone.
if [ "$STARTED" = 1 ]; then printf "export DELIBERATION_REDIS_STARTED='%s'\n" "$ROOT" >&3; fi
