#!/usr/bin/env bash
# Starts a two-node Deliberation on this machine: two app processes on one PostgreSQL and one Redis, forming one Orleans
# cluster (Cluster:Provider=redis), with nginx on loopback in front. Idempotent; stop with scripts/two-nodes-stop.sh.
#   bash scripts/two-nodes.sh          then open http://127.0.0.1:58080 (nginx), or a node directly (:58101, :58102)
# Uses $DELIBERATION_TEST_POSTGRES if set (a server scripts/postgres.sh started), else runs scripts/postgres.sh; the same
# for Redis ($DELIBERATION_TEST_REDIS, scripts/redis.sh). Overridable: DELIBERATION_NODES_ROOT (/tmp/deliberation-nodes),
# DELIBERATION_NODES_DB (deliberation_nodes), DELIBERATION_NGINX_PORT (58080), DELIBERATION_NODE_PORTS ("58101 58102"),
# DELIBERATION_SILO_PORTS ("58111 58112").
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
ROOT="${DELIBERATION_NODES_ROOT:-/tmp/deliberation-nodes}"
DB="${DELIBERATION_NODES_DB:-deliberation_nodes}"
NGINX_PORT="${DELIBERATION_NGINX_PORT:-58080}"
read -r -a NODE_PORTS <<< "${DELIBERATION_NODE_PORTS:-58101 58102}"
read -r -a SILO_PORTS <<< "${DELIBERATION_SILO_PORTS:-58111 58112}"
mkdir -p "$ROOT/nginx-temp"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
healthy() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/healthz" 2>/dev/null; }

# 1. The shared services. Their scripts print export lines on stdout and everything else on stderr.
if [ -z "${DELIBERATION_TEST_POSTGRES:-}" ]; then eval "$(bash "$HERE/postgres.sh")"; fi
if [ -z "${DELIBERATION_TEST_REDIS:-}" ]; then eval "$(bash "$HERE/redis.sh")"; fi

# The app's database: the server's, with Database= ours. Created once; both nodes create the schema under a lock.
field() { tr ';' '\n' <<< "$DELIBERATION_TEST_POSTGRES" | sed -n "s/^$1=//Ip" | head -n 1; }
PGHOST=$(field Host); PGPORT=$(field Port); PGUSER=$(field Username); PGPASSWORD=$(field Password); export PGPASSWORD
PSQL=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$("$PSQL" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
  echo "Creating database $DB" >&2
  "$PSQL" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $DB" >&2
fi
APP_DB="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$DB"

# 2. The app, built once.
DLL="$REPO/src/Deliberation.Web/bin/Release/net10.0/Deliberation.Web.dll"
if [ ! -f "$DLL" ] || [ -n "$(find "$REPO/src" -name '*.cs' -newer "$DLL" -print -quit)" ]; then
  echo "Building the app" >&2
  dotnet build "$REPO/src/Deliberation.Web" -c Release >&2
fi

# 3. Two nodes: same database, same Redis, same cluster id; each its own HTTP and silo port. One after the other: the
# first creates the schema and seeds the demo council, the second finds them there.
start_node() {
  local name=$1 http=$2 silo=$3
  if healthy "$http"; then echo "$name already answers on :$http" >&2; return; fi
  echo "Starting $name on http://127.0.0.1:$http (silo port $silo, log $ROOT/$name.log)" >&2
  # Development: cookies are sent over the plain-http loopback proxy (elsewhere they are Secure and need TLS).
  # Its own session, stdin from /dev/null and every output to its log: the node must hold none of the caller's
  # descriptors (a caller's $(...) would otherwise never return).
  ( cd "$REPO/src/Deliberation.Web" && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$http" \
      Storage__Provider=postgres Storage__ConnectionString="$APP_DB" \
      Cluster__Provider=redis Cluster__Redis="$DELIBERATION_TEST_REDIS" Cluster__ClusterId=two-nodes \
      Cluster__SiloPort="$silo" Cluster__AdvertisedAddress=127.0.0.1 \
      setsid dotnet "$DLL" ) </dev/null >"$ROOT/$name.log" 2>&1 &
  echo $! >"$ROOT/$name.pid"
  for _ in $(seq 1 120); do healthy "$http" && return; sleep 0.5; done
  echo "$name did not answer on :$http; see $ROOT/$name.log" >&2
  exit 1
}
start_node node1 "${NODE_PORTS[0]}" "${SILO_PORTS[0]}"
start_node node2 "${NODE_PORTS[1]}" "${SILO_PORTS[1]}"

# 4. nginx in front, on loopback only, with its own prefix (nothing of the system's nginx is touched).
if ! command -v nginx >/dev/null 2>&1; then
  echo "nginx not found; installing it from the distribution's packages..." >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nginx </dev/null >&2
fi
sed -e "s|@ROOT@|$ROOT|g" -e "s|@PORT@|$NGINX_PORT|g" \
    -e "s|@NODE1@|${NODE_PORTS[0]}|g" -e "s|@NODE2@|${NODE_PORTS[1]}|g" "$HERE/two-nodes.nginx.conf" >"$ROOT/nginx.conf"
nginx -t -q -p "$ROOT" -c "$ROOT/nginx.conf" >&2
if [ -s "$ROOT/nginx.pid" ] && kill -0 "$(cat "$ROOT/nginx.pid")" 2>/dev/null; then
  nginx -p "$ROOT" -c "$ROOT/nginx.conf" -s reload >&2
else
  nginx -p "$ROOT" -c "$ROOT/nginx.conf" </dev/null >&2
fi
for _ in $(seq 1 20); do healthy "$NGINX_PORT" && break; sleep 0.5; done
healthy "$NGINX_PORT" || { echo "nginx does not pass requests through; see $ROOT/nginx-error.log" >&2; exit 1; }

echo "Two nodes behind nginx: http://127.0.0.1:$NGINX_PORT (node1 :${NODE_PORTS[0]}, node2 :${NODE_PORTS[1]}; logs in $ROOT)" >&2
echo "Stop with: bash scripts/two-nodes-stop.sh" >&2
