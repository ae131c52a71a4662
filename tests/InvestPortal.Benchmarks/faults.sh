#!/usr/bin/env bash
# Fault scenarios (issue 7), scripted and repeatable. Each prints PASS or FAIL with the numbers it compared.
#   1. import killed (kill -9) mid-way: nothing of the file is written; re-running it writes all of it.
#   2. portal killed while (re)building its Lucene index: on restart the index is rebuilt and matches the database.
#   3. PostgreSQL stopped for 15 s under the running portal: health turns 503, then the portal recovers by itself.
# The SMTP-server-gone scenario (messages wait, then go once, no duplicates) is the integration test
# OutboxDurabilityTests (real netDumbster SMTP server stopped and restarted; SQLite and PostgreSQL), run in CI.
# Usage: tests/InvestPortal.Benchmarks/faults.sh   (needs sqlite3 and PostgreSQL 15 binaries; runs as root or postgres)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD; OUT=${OUT:-/tmp/ip-faults}; rm -rf "$OUT"; mkdir -p "$OUT"
APP=${APP:-$OUT/app}; [ -x "$APP/InvestPortal.Web" ] || dotnet publish src/InvestPortal.Web -c Release -o "$APP" -v q --nologo >/dev/null || exit 1
export ContentPath="$ROOT/content" Logging__LogLevel__Default=Warning
status=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; status=1; }
count() { sqlite3 "$1/investportal.db" "select count(*) from Opportunities;"; }

echo "== 1. import killed mid-way"
DATA="$OUT/import"; mkdir -p "$DATA"
(cd "$APP" && DataPath="$DATA" ./InvestPortal.Web migrate >/dev/null)
python3 - "$ROOT/content/demo/opportunities.jsonl" "$OUT/big.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(400):
        for o in lines:
            o = dict(o); o["externalRef"] = f"FAULT-{i:04d}-{o['externalRef']}"; out.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
before=$(count "$DATA"); lines=$(wc -l < "$OUT/big.jsonl")
(cd "$APP" && DataPath="$DATA" exec ./InvestPortal.Web import "$OUT/big.jsonl" > "$OUT/import1.log" 2>&1) & echo $! > "$OUT/import.pid"
sleep "${IMPORT_KILL_AFTER:-20}"; kill -9 "$(cat "$OUT/import.pid")" 2>/dev/null && echo "   killed the import after ${IMPORT_KILL_AFTER:-20} s"
sleep 1; after=$(count "$DATA")
[ "$after" = "$before" ] || [ "$after" = "$((before + lines))" ] && pass "import all-or-nothing: $before before, $after after the kill ($lines lines in the file)" || fail "partial import: $before → $after"
(cd "$APP" && DataPath="$DATA" ./InvestPortal.Web import "$OUT/big.jsonl" > "$OUT/import2.log" 2>&1)
again=$(count "$DATA")
[ "$again" = "$((before + lines))" ] && pass "re-run imports everything once: $again opportunities" || fail "re-run gave $again, expected $((before + lines))"

echo "== 2. portal killed while building its index"
rm -rf "$DATA/index"
published=$(sqlite3 "$DATA/investportal.db" "select count(*) from Opportunities where Status = 'Published' or Status = 2;")
start_app() { (cd "$APP" && DataPath="$DATA" ASPNETCORE_URLS=http://127.0.0.1:5190 RateLimits__ApiPerMinute=1000000 RateLimits__SearchPerMinute=1000000 exec ./InvestPortal.Web >> "$OUT/app2.log" 2>&1) & echo $! > "$OUT/app.pid"; }
start_app; sleep "${INDEX_KILL_AFTER:-12}"; kill -9 "$(cat "$OUT/app.pid")"; echo "   killed the portal after ${INDEX_KILL_AFTER:-12} s"
start_app
total=""; for i in $(seq 1 120); do total=$(curl -s "http://127.0.0.1:5190/api/v1/opportunities?pageSize=1" | sed -n 's/^{"total":\([0-9]*\).*/\1/p'); [ "$total" = "$published" ] && break; sleep 5; done
kill "$(cat "$OUT/app.pid")"; wait 2>/dev/null
[ "$total" = "$published" ] && pass "index rebuilt after the kill: search total $total = $published published in the database" || fail "index total $total, database $published"

echo "== 3. PostgreSQL stopped and started under the running portal"
PG=/usr/lib/postgresql/15/bin; PGDIR="$OUT/pg"; mkdir -p "$PGDIR"; chown postgres "$PGDIR"
runuser -u postgres -- "$PG/initdb" -D "$PGDIR/data" -A trust -U postgres --no-sync >/dev/null
pgctl() { runuser -u postgres -- "$PG/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p 55499 -k $PGDIR -c listen_addresses=127.0.0.1" "$@" >/dev/null; }
pgctl start
(cd "$APP" && DataPath="$OUT/pgdata" Database__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Port=55499;Username=postgres;Database=portal" \
  ASPNETCORE_URLS=http://127.0.0.1:5191 exec ./InvestPortal.Web > "$OUT/app3.log" 2>&1) & echo $! > "$OUT/app.pid"
until curl -sf http://127.0.0.1:5191/health >/dev/null; do sleep 2; done
slug=$(curl -s http://127.0.0.1:5191/en/opportunities | grep -o 'href="/en/opportunities/demo-[^"?]*"' | head -1 | cut -d'"' -f2)
pgctl stop -m fast; echo "   PostgreSQL stopped"
down_health=$(curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:5191/health)
down_page=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:5191$slug")
sleep 15; pgctl start; echo "   PostgreSQL started again"
up=""; for i in $(seq 1 30); do up=$(curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:5191/health); [ "$up" = 200 ] && break; sleep 1; done
page=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:5191$slug")
kill "$(cat "$OUT/app.pid")"; wait 2>/dev/null; pgctl stop -m fast
[ "$down_health" != 200 ] && [ "$up" = 200 ] && [ "$page" = 200 ] \
  && pass "database outage: health $down_health and detail page $down_page while down; health $up and page $page after restart, within $i s" \
  || fail "database outage: health down=$down_health up=$up, page down=$down_page up=$page"
exit $status
