#!/usr/bin/env bash
# Makes a private PostgreSQL available for the tests, idempotently (Debian 12, run as root or with sudo).
# stdout carries only lines for the caller to eval:
#   export DELIBERATION_TEST_POSTGRES='Host=127.0.0.1;Port=55432;Username=deliberation;Password=...;Database=postgres'
#   export DELIBERATION_PG_STARTED='/tmp/deliberation-pg/data'    (only when this run started the server)
# Everything else goes to stderr.
# Overridable: DELIBERATION_PG_PORT (55432), DELIBERATION_PG_DATA (/tmp/deliberation-pg/data).
set -euo pipefail
exec 3>&1 1>&2   # fd 3 = the caller's stdout; all ordinary output goes to stderr

PORT="${DELIBERATION_PG_PORT:-55432}"
ROOT="${DELIBERATION_PG_ROOT:-/tmp/deliberation-pg}"
DATA="${DELIBERATION_PG_DATA:-$ROOT/data}"
LOG="$ROOT/postgres.log"
PWFILE="$ROOT/password"
SUPERUSER=deliberation

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    sudo -u postgres -- "$@"
  fi
}

find_bindir() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$candidate" ] && [ -x "$candidate/postgres" ]; then echo "$candidate"; fi
}

# Runs with fd 3 closed: a daemon that inherited it (the postmaster pg_ctl starts, or a service apt starts) would hold
# the caller's $(...) open, and the caller would never return.
STARTED=0
prepare() {
  BINDIR=$(find_bindir)
  if [ -z "$BINDIR" ]; then
    echo "PostgreSQL not found; installing it from the distribution's packages..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    BINDIR=$(find_bindir)
    if [ -z "$BINDIR" ]; then echo "PostgreSQL installation failed: no /usr/lib/postgresql/*/bin/postgres" >&2; exit 1; fi
  fi
  echo "Using PostgreSQL binaries in $BINDIR"

  as_root mkdir -p "$ROOT"
  as_root chown postgres:postgres "$ROOT"
  as_root chmod 700 "$ROOT"

  # The password lives next to the cluster so a second run reuses it.
  if ! as_root test -s "$PWFILE"; then
    pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
    as_root sh -c "umask 077; printf '%s' '$pw' > '$PWFILE'"
    as_root chown postgres:postgres "$PWFILE"
  fi
  PASSWORD=$(as_root cat "$PWFILE")

  if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    echo "A server already answers on 127.0.0.1:$PORT; reusing it."
  else
    if ! as_root test -s "$DATA/PG_VERSION"; then
      echo "Creating a cluster in $DATA"
      as_root rm -rf "$DATA"
      as_postgres mkdir -p "$DATA"
      as_postgres chmod 700 "$DATA"
      as_postgres "$BINDIR/initdb" -D "$DATA" -U "$SUPERUSER" --pwfile="$PWFILE" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
      as_postgres sh -c "cat >> '$DATA/postgresql.conf'" <<EOF
# deliberation test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$ROOT'
max_connections = 200
fsync = on
EOF
    fi
    # Nothing answers, yet a server that was killed (as a session's processes are when it ends) leaves postmaster.pid
    # behind; if its PID now belongs to another process, postgres refuses to start. Drop it unless a postgres owns it.
    if as_root test -f "$DATA/postmaster.pid"; then
      old=$(as_root head -n 1 "$DATA/postmaster.pid")
      if ! { [ -n "$old" ] && [ "$(ps -o comm= -p "$old" 2>/dev/null)" = postgres ]; }; then
        echo "Removing the stale postmaster.pid of a server that is gone (PID $old)"
        as_root rm -f "$DATA/postmaster.pid"
      else
        echo "Waiting for the old server (PID $old) to exit"
        for _ in $(seq 1 20); do kill -0 "$old" 2>/dev/null || break; sleep 0.5; done
      fi
    fi
    echo "Starting the server (log: $LOG)"
    STARTED=1
    as_postgres "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2
  fi

  ready=0
  for _ in $(seq 1 60); do
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then ready=1; break; fi
    sleep 0.5
  done
  if [ "$ready" != 1 ]; then echo "PostgreSQL did not become ready on 127.0.0.1:$PORT; see $LOG" >&2; exit 1; fi

  # Check that the password works (a reused server might belong to someone else).
  if ! PGPASSWORD="$PASSWORD" "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres -tAc 'select 1' >/dev/null; then
    echo "The server on 127.0.0.1:$PORT does not accept user $SUPERUSER with the stored password ($PWFILE)." >&2
    exit 1
  fi
}
prepare 3>&-

echo "PostgreSQL is ready on 127.0.0.1:$PORT"
printf "export DELIBERATION_TEST_POSTGRES='Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=postgres'\n" \
  "$PORT" "$SUPERUSER" "$PASSWORD" >&3
# A server this run started is the caller's to stop (scripts/postgres-stop.sh); one it found running is left alone.
if [ "$STARTED" = 1 ]; then printf "export DELIBERATION_PG_STARTED='%s'\n" "$DATA" >&3; fi
