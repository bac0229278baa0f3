#!/usr/bin/env bash
# Live voting through the app's own grains (council, items, meeting, ballot), without HTTP: N members present, N votes
# all at once and then spread over 5 s, each on a fresh ballot, then the count closed and checked against the log. On
# SQLite and (unless DELIBERATION_SKIP_POSTGRES=1) on the local PostgreSQL that scripts/postgres.sh starts.
# Usage: bash bench/votes.sh [voters=5000]. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Deliberation.Bench.Votes -c Release --nologo -v q >&2
run() { dotnet bench/Deliberation.Bench.Votes/bin/Release/net10.0/Deliberation.Bench.Votes.dll "$@"; }
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
run sqlite "Data Source=$folder/votes.db" "${1:-5000}"
if [ "${DELIBERATION_SKIP_POSTGRES:-0}" != "1" ]; then
  eval "$(bash scripts/postgres.sh)"
  db="votes_$$"
  admin="$DELIBERATION_TEST_POSTGRES"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "CREATE DATABASE $db" >&2
  run postgres "${admin/Database=postgres/Database=$db}" "${1:-5000}"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >&2
fi
