#!/usr/bin/env bash
# A hub storm: the real app on Kestrel in one process (fresh database, N members seeded on the roll), real SignalR
# clients over WebSockets in another. N members check themselves in over HTTP, W signed-out watchers and the N members
# join the meeting, then N votes go out all at once and then spread over 5 s, each on a fresh ballot (once its opening
# has reached every member, as a member votes once their phone shows the ballot); the chair closes it
# and the time until the last watcher has the result is taken. Prints acknowledged, stored, lost and duplicated votes,
# ack p50/p99/max, the server's memory per idle connection, each collection while the votes came (generation, pause,
# bytes promoted) and the bytes allocated per vote (BENCH_ALLOCATIONS=1 adds the types that took the runtime's
# allocation samples), and the same storm against a bare hub that only acknowledges (the yardstick). Client and
# server share the machine's cores, and both run the server collector, as the app does (the client's own collections
# are printed: its pauses are timed as the server's). BENCH_PAUSE=1 stops before and after each ballot's votes until
# the file it names is removed (time to take a heap dump of the server: dotnet-dump collect -p <pid>).
# Usage: bash bench/hub-storm.sh [voters=5000] [watchers=1000] [sqlite|postgres]. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
voters="${1:-5000}" watchers="${2:-1000}" provider="${3:-sqlite}"
dotnet build bench/Deliberation.Bench.Hub -c Release --nologo -v q >&2
folder=$(mktemp -d)
server=""
cleanup() { touch "$folder/done"; [ -n "$server" ] && wait "$server" 2>/dev/null || true; rm -rf "$folder"; }
trap cleanup EXIT
dll="$PWD/bench/Deliberation.Bench.Hub/bin/Release/net10.0/Deliberation.Bench.Hub.dll"
if [ "$provider" = "postgres" ]; then
  if [ -z "${DELIBERATION_TEST_POSTGRES:-}" ]; then eval "$(bash scripts/postgres.sh)"; fi
  db="hub_storm_$$"
  PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$DELIBERATION_TEST_POSTGRES") psql -h 127.0.0.1 -p 55432 -U deliberation -d postgres -qc "CREATE DATABASE $db" >&2
  connection="${DELIBERATION_TEST_POSTGRES/Database=postgres/Database=$db}"
else
  connection="Data Source=$folder/storm.db"
fi
# Each side may hold N + W sockets.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
(cd "$folder" && exec dotnet "$dll" serve "$folder" "$provider" "$connection" "$voters") &
server=$!
until [ -f "$folder/setup.json" ]; do
  kill -0 "$server" 2>/dev/null || { echo "the server stopped before it was ready" >&2; exit 1; }
  sleep 1
done
dotnet "$dll" storm "$folder" "$watchers"
