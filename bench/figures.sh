#!/usr/bin/env bash
# The ledger and the figures on years of history: a fresh SQLite file is given 5 years of the demo council's work
# (20,000 topics, 5,000 escalations by default) and one month of 199 more councils (the county), written straight into
# the event log through the domain's commands (bench/Deliberation.Bench.Figures), and the read side is built from it;
# then the real app is started on the file and each page is requested REPEAT times by the clerk (the county by the site
# administrator), one at a time, after two unmeasured requests. Prints median, 95th percentile and worst, in ms.
# The demo council also gets as many small requests as escalations (nine in ten taken and done by one volunteer, the
# tenth left open); the volunteer page is requested by the demo's volunteer, who may take the open ones.
# Usage: bash bench/figures.sh [councils=200] [years=5] [topics=20000] [escalations=5000] [repeat=20]. Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
councils=${1:-200}; years=${2:-5}; topics=${3:-20000}; escalations=${4:-5000}; repeat=${5:-20}
dotnet build src/Deliberation.Web -c Release --nologo -v q >&2
dotnet build bench/Deliberation.Bench.Figures -c Release --nologo -v q >&2
folder=$(mktemp -d)
app=""
trap '[ -n "$app" ] && kill $app 2>/dev/null; wait 2>/dev/null; rm -rf "$folder"' EXIT
dotnet bench/Deliberation.Bench.Figures/bin/Release/net10.0/Deliberation.Bench.Figures.dll "$folder/bench.db" "$years" "$councils" "$topics" "$escalations" \
  | tee "$folder/seed.txt"
month=$(sed -n 's/^COUNTY_MONTH=//p' "$folder/seed.txt")
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
# Development: the session cookie is not Secure-only there, so curl over http keeps it; logging kept to warnings.
(cd src/Deliberation.Web && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" Demo__History=false \
  Storage__ConnectionString="Data Source=$folder/bench.db" Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/Deliberation.Web.dll >"$folder/app.log" 2>&1) &
app=$!
started=$(date +%s.%N)
for _ in $(seq 240); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "app answering after $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s (demo council seeded on top)"
sign_in() {
  curl -sf -c "$folder/$1.jar" -H "Origin: $base" -H "Content-Type: application/json" \
    -d "{\"login\":\"$1\",\"password\":\"lakeside-demo\"}" "$base/api/account/sign-in" >/dev/null
}
sign_in clerk
sign_in admin
sign_in works
sign_in volunteer
time_page() { # who, path
  local times=()
  for i in $(seq $((repeat + 2))); do
    t=$(curl -s -o /dev/null -b "$folder/$1.jar" -w "%{http_code} %{time_total}" "$base$2")
    [ "${t%% *}" = 200 ] || { echo "$2: HTTP ${t%% *}"; return; }
    [ "$i" -gt 2 ] && times+=("${t#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v page="$2" '{ v[NR] = $1 * 1000 } END {
    printf "%-48s median %6.1f ms   p95 %6.1f ms   worst %6.1f ms\n", page, v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.999)], v[NR] }'
}
time_page clerk "/councils/lakeside/figures?month=$month"
time_page clerk "/councils/lakeside/figures/public?month=$month"
time_page clerk "/councils/lakeside/ledger?month=$month"
time_page clerk "/councils/lakeside/ledger"
time_page clerk "/councils/lakeside/ledger?month=all"
# A page deep in the ledger: the lines before this January (the cursor "~" sorts after every entry id).
time_page clerk "/councils/lakeside/ledger?month=all&after=${month%%-*}-01.~"
time_page clerk "/councils/lakeside/ledger.csv"
time_page clerk "/councils/lakeside/ledger.csv?month=all"
# The lists read from their read models, a keyset page at a time (the page and the API), first and deep.
time_page clerk "/councils/lakeside/escalations"
time_page works "/councils/lakeside/escalations"
time_page clerk "/councils/lakeside/escalations?after=settled-${month%%-*}-01-01.~"
time_page clerk "/api/councils/lakeside/escalations"
time_page clerk "/api/councils/lakeside/requests"
time_page volunteer "/councils/lakeside/requests/mine"
time_page admin "/figures/county?month=$month"
time_page admin "/api/figures/county?month=$month"
time_page clerk "/healthz"
