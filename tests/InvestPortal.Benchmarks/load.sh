#!/usr/bin/env bash
# Load scenario (issue 7): the Release portal on loopback over a seeded data folder, wrk against the home page,
# the search page, the search API (rotating queries, so mostly cache misses) and detail pages. First, issue 13's
# long tail: unique search API and search page queries with 8 connections (LT_CONN), which no cache answers;
# LONGTAIL_ONLY=1 stops after those.
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
# Long tail (issue 13): unique searches, never repeated in a run, so neither the output cache nor the ranking cache answers.
# Text: 1-2 glossary terms in zh/ru/en (content/glossary.jsonl), or for "broad" free words + a term (matches most
# listings); a sector filter half the time and a location a third; all sorts; pages 1-3. Each wrk thread draws its own
# first word (index mod thread count), and each thread skips what it has sent before, so no query repeats in a run.
cat > "$OUT/longtail.lua" <<LUA
local glossary, taxonomy = "$ROOT/content/glossary.jsonl", "$ROOT/content/taxonomy.json"
LUA
cat >> "$OUT/longtail.lua" <<'LUA'
local terms, sectors, locations = {zh = {}, ru = {}, en = {}}, {}, {}
local seenSector = {}
for line in io.lines(glossary) do
  local sector = line:match('"sector":"([^"]*)"')
  if sector and not seenSector[sector] then seenSector[sector] = true; sectors[#sectors + 1] = sector end
  for lang, list in line:gmatch('"(%a%a)":%[(.-)%]') do
    if terms[lang] then for t in list:gmatch('"(.-)"') do table.insert(terms[lang], t) end end
  end
end
local tax = io.open(taxonomy):read("*a")
local locs = tax:match('"locations"%s*:%s*%[(.-)%]%s*,%s*"partnerRegions"')
for code in locs:gmatch('"code"%s*:%s*"([^"]*)"') do locations[#locations + 1] = code end
local langs = {"zh", "ru", "en"}
local free = {zh = {"生产线", "出口市场", "铁路口岸", "现代化园区"}, ru = {"современный завод", "экспорт продукции", "железная дорога порт", "пункт пропуска"},
  en = {"modern plant", "export market", "railway port", "joint production line", "border crossing"}}
local sorts = {"", "", "", "", "", "", "", "newest", "newest", "amount-desc", "amount-asc"}
local function enc(s) return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
local broad = os.getenv("LONGTAIL_BROAD") == "1"
local page = os.getenv("LONGTAIL_PAGE") == "1"
local threads, counter, seen = 2, 0, {}
-- setup runs in wrk's main state once per thread; "tid" becomes a global of that thread's own state.
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function init(args) tid = tid or 0; math.randomseed(os.time() * 7919 + tid) end
local function pick(list) return list[math.random(#list)] end
request = function()
  local key
  for attempt = 1, 1000 do
    local lang = pick(langs)
    local list = terms[lang]
    -- The first term's index belongs to this wrk thread: threads never send the same query.
    local i = math.random(0, math.floor((#list - 1 - tid) / threads)) * threads + tid + 1
    local text = list[i]
    if broad then text = pick(free[lang]) .. " " .. text
    elseif math.random() < 0.3 then text = text .. (lang == "zh" and "" or " ") .. pick(list) end
    local q = "q=" .. enc(text)
    if math.random() < 0.5 then q = q .. "&sector=" .. pick(sectors) end
    if math.random() < 0.33 then q = q .. "&location=" .. pick(locations) end
    local sort = pick(sorts)
    if sort ~= "" then q = q .. "&sort=" .. sort end
    if not page then q = q .. "&lang=" .. pick(langs) end
    if not seen[q] then seen[q] = true; key = q; break end
  end
  local r = math.random()
  local p = r < 0.7 and 1 or (r < 0.9 and 2 or 3)
  return wrk.format("GET", wrk.path .. "?" .. key .. "&page=" .. p)
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
for f in search detail longtail; do echo "$report" >> "$OUT/$f.lua"; done
echo "$report" > "$OUT/plain.lua"

run() { # name path script
  echo "== $1 ($SECS s, $CONN connections, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$OUT/$3.lua" "$BASE$2" | tee "$OUT/$1.txt" | grep RESULT
  echo "   portal RSS $(ps -o rss= -p "$(cat "$OUT/app.pid")" | awk '{printf "%.0f MiB", $1/1024}')"
}
curl -s "$BASE/en/" >/dev/null; curl -s "$BASE/en/opportunities/syn-opp-1" >/dev/null
# Long tail first (issue 13's headline): 8 clients, as the targets are stated.
LT=${LT_CONN:-8}
lt() { # name path broad page
  echo "== $1 ($SECS s, $LT connections, unique queries, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  LONGTAIL_BROAD=$3 LONGTAIL_PAGE=$4 wrk -t2 -c"$LT" -d"${SECS}s" --latency -s "$OUT/longtail.lua" "$BASE$2" | tee "$OUT/$1.txt" | grep RESULT
}
# Warm-up: 20 s of other unique searches with the same connections. A portal that has served for a while has its
# methods at the last JIT tier and its per-reader caches (term states, facet ordinals) filled; 5 s with one client
# left the first measured run 20-25 % below the next ones. Its queries are drawn afresh, so it warms no answer cache.
LONGTAIL_BROAD=0 LONGTAIL_PAGE=0 wrk -t2 -c"$LT" -d20s -s "$OUT/longtail.lua" "$BASE/api/v1/opportunities" >/dev/null
LONGTAIL_BROAD=0 LONGTAIL_PAGE=1 wrk -t2 -c"$LT" -d5s -s "$OUT/longtail.lua" "$BASE/en/opportunities" >/dev/null
lt longtail-api-selective /api/v1/opportunities 0 0
lt longtail-api-broad /api/v1/opportunities 1 0
lt longtail-page-selective /en/opportunities 0 1
if [ -n "${LONGTAIL_ONLY:-}" ]; then exit 0; fi
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
