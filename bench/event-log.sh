#!/usr/bin/env bash
# Event-log throughput and acknowledgement latency of the writer alone (the grains: bench/votes.sh), on SQLite and (unless
# DELIBERATION_SKIP_POSTGRES=1) on the local PostgreSQL that scripts/postgres.sh starts. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Deliberation.Bench -c Release --nologo -v q >&2
run() { dotnet bench/Deliberation.Bench/bin/Release/net10.0/Deliberation.Bench.dll "$@"; }
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
run sqlite "Data Source=$folder/bench.db" "${1:-5000}"
if [ "${DELIBERATION_SKIP_POSTGRES:-0}" != "1" ]; then
  eval "$(bash scripts/postgres.sh)"
  db="bench_$$"
  admin="$DELIBERATION_TEST_POSTGRES"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "CREATE DATABASE $db" >&2
  run postgres "${admin/Database=postgres/Database=$db}" "${1:-5000}"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >&2
fi
