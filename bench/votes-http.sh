#!/usr/bin/env bash
# Live voting through the real app over HTTP: the app hosted in-process on Kestrel (127.0.0.1), N members present, each
# voting with its own bearer token (a staff token linked to its local account) and then with its own session cookie, all
# at once and spread over 5 s, each on a fresh ballot the chair opens and closes over HTTP, then the count checked
# against the log. On SQLite and (unless DELIBERATION_SKIP_POSTGRES=1) on the local PostgreSQL that scripts/postgres.sh
# starts.
# Usage: bash bench/votes-http.sh [voters=5000]. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Deliberation.Bench.Http -c Release --nologo -v q >&2
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
# Run from the temp folder: the app's content root is the working directory (no wwwroot there; the API needs none).
run() { (cd "$folder" && dotnet "$OLDPWD/bench/Deliberation.Bench.Http/bin/Release/net10.0/Deliberation.Bench.Http.dll" "$@"); }
run sqlite "Data Source=$folder/votes.db" "${1:-5000}"
if [ "${DELIBERATION_SKIP_POSTGRES:-0}" != "1" ]; then
  eval "$(bash scripts/postgres.sh)"
  db="votes_http_$$"
  admin="$DELIBERATION_TEST_POSTGRES"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "CREATE DATABASE $db" >&2
  run postgres "${admin/Database=postgres/Database=$db}" "${1:-5000}"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$admin") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "DROP DATABASE $db WITH (FORCE)" >&2
fi
