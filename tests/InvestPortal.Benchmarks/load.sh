#!/usr/bin/env bash
# Load scenario (issue 7): the Release portal on loopback over a seeded data folder, wrk against the home page,
# the search page, the search API (rotating queries, so mostly cache misses) and detail pages.
# Usage: tests/InvestPortal.Benchmarks/load.sh [opportunities=100000] [seconds=30] [connections=32]
# Needs: wrk (apt-get install wrk). Writes results to $OUT (default /tmp/ip-load) and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-100000}; SECS=${2:-30}; CONN=${3:-32}; OUT=${OUT:-/tmp/ip-load}; PORT=${PORT:-5180}
mkdir -p "$OUT"
if [ ! -f "$OUT/data/investportal.db" ]; then
  dotnet run -c Release --project tests/InvestPortal.Benchmarks -- web-seed "$OUT/data" "$N"
fi
# A portal left running from an earlier run would be measured instead of this build: refuse.
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is already in use; stop what runs there first" >&2; exit 1; fi
[ -x "$OUT/app/InvestPortal.Web" ] || dotnet publish src/InvestPortal.Web -c Release -o "$OUT/app" -v q --nologo
(cd "$OUT/app" && DataPath="$OUT/data" ContentPath="$ROOT/content" Demo__Load=false ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
   RateLimits__ApiPerMinute=100000000 RateLimits__SearchPerMinute=100000000 Logging__LogLevel__Default=Warning exec "$OUT/app/InvestPortal.Web" > "$OUT/app.log" 2>&1) & echo $! > "$OUT/app.pid"
trap 'kill $(cat "$OUT/app.pid") 2>/dev/null || true; pkill -f "$OUT/app/InvestPortal.Web" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
echo "waiting for the portal and its index ($N opportunities)"
until curl -sf "$BASE/health" >/dev/null; do sleep 2; done
start=$(date +%s)
until [ "$(curl -s "$BASE/api/v1/opportunities?pageSize=1" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')" = "$N" ]; do sleep 5; done
echo "index ready after $(( $(date +%s) - start )) s"

cat > "$OUT/search.lua" <<'LUA'
-- Rotating search API queries: words × sectors × pages, so almost every request misses the output cache.
local words = {"timber","logistics","soybean","oil","gas","warehouse","port","factory","tourism","mining","木材","物流","大豆","лес","логистика","нефть"}
local sectors = {"","&sector=agri-food","&sector=logistics","&sector=energy","&sector=forestry-timber","&sector=manufacturing"}
-- Percent-encoded as a browser sends them: raw UTF-8 in the request line is a 400 from Kestrel.
local function enc(s) return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
local n = 0
request = function()
  n = n + 1
  local path = string.format("%s?q=%s%s&page=%d", wrk.path, enc(words[n % #words + 1]), sectors[math.floor(n / #words) % #sectors + 1], math.floor(n / 96) % 20 + 1)
  return wrk.format("GET", path)
end
LUA
cat > "$OUT/detail.lua" <<'LUA'
-- Detail pages of 200 different opportunities in three languages.
local cultures = {"zh","ru","en"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/%s/opportunities/syn-opp-%d", cultures[n % 3 + 1], (n * 7919) % 200))
end
LUA
report='done = function(s, l, r)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms\n", s.requests,
    s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout, s.errors.status, s.requests / (s.duration / 1e6),
    l:percentile(50) / 1000, l:percentile(95) / 1000, l:percentile(99) / 1000))
end'
for f in search detail; do echo "$report" >> "$OUT/$f.lua"; done
echo "$report" > "$OUT/plain.lua"

run() { # name path script
  echo "== $1 ($SECS s, $CONN connections, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$OUT/$3.lua" "$BASE$2" | tee "$OUT/$1.txt" | grep RESULT
  echo "   portal RSS $(ps -o rss= -p "$(cat "$OUT/app.pid")" | awk '{printf "%.0f MiB", $1/1024}')"
}
curl -s "$BASE/en/" >/dev/null; curl -s "$BASE/en/opportunities/syn-opp-1" >/dev/null
run home-cached /en/ plain
run detail-cached /en/opportunities/syn-opp-1 plain
run detail-200 / detail
run search-api /api/v1/opportunities search
run search-page "/en/opportunities?q=timber&sector=forestry-timber" plain
if [ -n "${SOAK:-}" ]; then
  echo "== soak: $SOAK s of mixed traffic, RSS every 30 s"
  ( for i in $(seq 1 $((SOAK / 30))); do sleep 30; echo "   $((i * 30)) s: RSS $(ps -o rss= -p "$(cat "$OUT/app.pid")" | awk '{printf "%.0f MiB", $1/1024}')"; done ) &
  wrk -t2 -c"$CONN" -d"${SOAK}s" --latency -s "$OUT/search.lua" "$BASE/api/v1/opportunities" | grep RESULT
  wait
fi
