#!/usr/bin/env bash
# The public item page at a fixed offered rate (open loop): the real app started from its build on a fresh SQLite file
# with the demo council, then a disclosed item's page requested by a visitor (signed out) at RATE per second for SECONDS,
# each latency counted from the moment its request was due. /healthz at the same rate is printed alongside, as the
# floor of what this machine serves at that moment (the host is shared: read the two figures together).
# The public board (plain, and a search for a two-character Chinese word) is measured the same way after them.
# Usage: bash bench/item-page.sh [rate=1000] [seconds=20] [board-rate=rate]. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-1000}
seconds=${2:-20}
board_rate=${3:-$rate}
dotnet build src/Deliberation.Web -c Release --nologo -v q >&2
dotnet build bench/Deliberation.Bench.Load -c Release --nologo -v q >&2
folder=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
(cd src/Deliberation.Web && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Storage__ConnectionString="Data Source=$folder/bench.db" Logging__LogLevel__Default=Warning Proxy__KnownProxies__0=127.0.0.1 \
  exec dotnet bin/Release/net10.0/Deliberation.Web.dll >"$folder/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
# As if through a TLS proxy on this machine: outside Development, pages are served over https only (Hosting/HttpsRequired.cs).
load() { dotnet bench/Deliberation.Bench.Load/bin/Release/net10.0/Deliberation.Bench.Load.dll "$@" "X-Forwarded-For: 127.0.0.1" "X-Forwarded-Proto: https"; }
# What is measured: a visitor's page that sets no cookie and, asked again, comes from the output cache (its Age header).
page="http://127.0.0.1:$port/councils/lakeside/items/item-demo-kiosks"
curl -s -o /dev/null -H "X-Forwarded-For: 127.0.0.1" -H "X-Forwarded-Proto: https" "$page"
headers=$(curl -s -o /dev/null -D - -H "X-Forwarded-For: 127.0.0.1" -H "X-Forwarded-Proto: https" "$page" | tr -d '\r')
echo "item page, asked twice: $(grep -ci '^set-cookie:' <<<"$headers" || true) Set-Cookie, Age: $(grep -i '^age:' <<<"$headers" | cut -d' ' -f2 || true) (empty: not from the cache)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "item page: $(load "$page" "$rate" "$seconds" 3 || true)"
echo "/healthz:  $(load "http://127.0.0.1:$port/healthz" "$rate" "$seconds" 3 || true)"
echo "board:     $(load "http://127.0.0.1:$port/councils/lakeside/board" "$board_rate" "$seconds" 3 || true)"
echo "search:    $(load "http://127.0.0.1:$port/councils/lakeside/board?q=%E5%9E%83%E5%9C%BE" "$board_rate" "$seconds" 3 || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
