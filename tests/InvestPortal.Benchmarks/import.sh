#!/usr/bin/env bash
# Import to searchable (issue 13): a synthetic JSON Lines file (opportunities in zh/ru/en) imported with the `import`
# command into a stopped portal (which then starts) and into a running one, each on a fresh SQLite data folder;
# timed until /health shows every listing indexed and no index message pending. Then `reindex` over the result
# (portal stopped) for the full-rebuild rate. Peak RSS of the import process from /usr/bin/time, of the portal from
# /proc/PID/status (VmHWM).
# Usage: tests/InvestPortal.Benchmarks/import.sh [opportunities=100000]      results in $OUT (default /tmp/ip-import)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
N=${1:-100000}; OUT=${OUT:-/tmp/ip-import}; PORT=${PORT:-5181}; BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
FILE="$OUT/opportunities-$N.jsonl"
[ -f "$FILE" ] || dotnet run -c Release --project tests/InvestPortal.Benchmarks -- import-file "$FILE" "$N"
[ -x "$OUT/app/InvestPortal.Web" ] || dotnet publish src/InvestPortal.Web -c Release -o "$OUT/app" -v q --nologo
if curl -s -o /dev/null "$BASE/"; then echo "port $PORT is already in use; stop what runs there first" >&2; exit 1; fi
PORTAL_PID=""
trap '[ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null || true' EXIT

portal_env() { env DataPath="$1" ContentPath="$ROOT/content" Demo__Load=false Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="$BASE" RateLimits__ApiPerMinute=100000000 "${@:2}"; }
now() { date +%s.%N; }
run_import() { # DATA → sets IMPORT_S, IMPORT_RSS_MB
  portal_env "$1" /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$OUT/app/InvestPortal.Web" import "$FILE" >> "$OUT/import.log" 2>&1
  read -r IMPORT_S kb < "$OUT/time.txt"; IMPORT_RSS_MB=$(( kb / 1024 ))
}
# exec: PORTAL_PID is the portal itself (its VmHWM), not a subshell.
start_portal() { (cd "$OUT/app" && exec env DataPath="$1" ContentPath="$ROOT/content" Demo__Load=false Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="$BASE" RateLimits__ApiPerMinute=100000000 ./InvestPortal.Web >> "$OUT/portal.log" 2>&1) & PORTAL_PID=$!; }
stop_portal() { PEAK_MB=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$PORTAL_PID/status" 2>/dev/null || echo "?"); kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }
# 0 when /health says: N opportunities in the index, no rebuild needed, no index message pending.
settled() {
  curl -s "$BASE/health" | python3 -c '
import json,sys
d=json.load(sys.stdin)["checks"]["search"]["data"]
sys.exit(0 if d["opportunities"]=='"$1"' and not d["needsRebuild"] and d.get("pendingIndexMessages",1)==0 else 1)' 2>/dev/null
}
wait_settled() { until settled "$1"; do sleep 0.5; done; }

echo "== stopped portal: import, then start the portal =="
rm -rf "$OUT/data-stopped"; mkdir -p "$OUT/data-stopped"
portal_env "$OUT/data-stopped" "$OUT/app/InvestPortal.Web" migrate > /dev/null
t0=$(now)
run_import "$OUT/data-stopped"
t1=$(now)
start_portal "$OUT/data-stopped"
wait_settled "$N"
t2=$(now)
stop_portal
printf 'stopped: import %.0f s (peak RSS %d MiB), portal start to settled %.0f s, total %.0f s; portal peak RSS %s MiB\n' \
  "$IMPORT_S" "$IMPORT_RSS_MB" "$(echo "$t2 - $t1" | bc)" "$(echo "$t2 - $t0" | bc)" "$PEAK_MB" | tee -a "$OUT/results.txt"

echo "== running portal: start, then import =="
rm -rf "$OUT/data-running"; mkdir -p "$OUT/data-running"
portal_env "$OUT/data-running" "$OUT/app/InvestPortal.Web" migrate > /dev/null
start_portal "$OUT/data-running"
until curl -sf -o /dev/null "$BASE/health"; do sleep 0.5; done
wait_settled 0
t0=$(now)
run_import "$OUT/data-running"
t1=$(now)
wait_settled "$N"
t2=$(now)
stop_portal
printf 'running: import %.0f s (peak RSS %d MiB), import end to settled %.0f s, total %.0f s; portal peak RSS %s MiB\n' \
  "$IMPORT_S" "$IMPORT_RSS_MB" "$(echo "$t2 - $t1" | bc)" "$(echo "$t2 - $t0" | bc)" "$PEAK_MB" | tee -a "$OUT/results.txt"

echo "== full rebuild (reindex, portal stopped) =="
portal_env "$OUT/data-running" /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$OUT/app/InvestPortal.Web" reindex | tee -a "$OUT/results.txt"
read -r secs kb < "$OUT/time.txt"
echo "reindex process: $secs s, peak RSS $(( kb / 1024 )) MiB" | tee -a "$OUT/results.txt"
