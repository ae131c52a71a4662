#!/usr/bin/env python3
"""Writes content/demo/activity.json: the demo catalogue's interests, replies, discussions and outcomes.

Run from the repository root: python3 tools/demo/build_activity.py (deterministic: re-running changes nothing).
The story it tells: border-port cities (Heihe, Suifenhe, Dongning) answer investors within days and land projects;
the provincial department answers slowly and lands little; some recent interests still wait for a reply. Outcomes are
given only to listings no search test relies on (see tests/InvestPortal.Testing/JudgedQueries.cs).
"""
import datetime as dt
import json
import random

ROOT = "content/demo"
TODAY = dt.date(2026, 12, 1)  # the demo's "now": the newest interest is before it
rng = random.Random(20261207)

listings = [json.loads(l) for l in open(f"{ROOT}/opportunities.jsonl", encoding="utf-8")]
investors = [json.loads(l) for l in open(f"{ROOT}/investors.jsonl", encoding="utf-8")]
published = [l for l in listings if l["status"] == "published"]

# ref -> (outcome, closed on, investor ref or None, amount in CNY or None)
OUTCOMES = {
    "DEMO-HLJ-0036": ("agreement-signed", "2026-10-28", "DEMO-INV-0003", 260_000_000),
    "DEMO-HLJ-0040": ("under-construction", "2026-09-30", "DEMO-INV-0006", 85_000_000),
    "DEMO-HLJ-0043": ("operating", "2026-11-12", "DEMO-INV-0001", 48_000_000),
    "DEMO-HLJ-0047": ("agreement-signed", "2026-11-20", "DEMO-INV-0014", 120_000_000),
    "DEMO-HLJ-0049": ("under-construction", "2026-10-15", "DEMO-INV-0012", None),
    "DEMO-HLJ-0038": ("agreement-signed", "2026-11-05", "DEMO-INV-0007", 36_000_000),
    "DEMO-HLJ-0051": ("operating", "2026-11-26", "DEMO-INV-0013", 22_000_000),
    "DEMO-HLJ-0010": ("no-partner", "2026-11-02", None, None),
    "DEMO-HLJ-0012": ("withdrawn", "2026-09-12", None, None),
    "DEMO-HLJ-0044": ("expired", "2026-11-28", None, None),
}

# How fast each kind of owner answers: (min days, max days, share never answered)
def reply_profile(org):
    if "自由贸易试验区" in org or org.startswith(("黑河", "绥芬河", "东宁")):
        return (0, 3, 0.05)
    if org == "黑龙江省商务厅":
        return (5, 16, 0.35)
    return (1, 8, 0.15)

MESSAGES = {
    "ru": "[Демо] Интересует участие в проекте; просим прислать ТЭО и условия входа.",
    "en": "[Demo] We are interested and would like the feasibility study and the terms of entry.",
    "zh": "【演示】我方有意参与该项目，请提供可行性研究报告及合作条件。",
}

def day(s):
    return dt.date.fromisoformat(s)

interests = []
for l in published:
    ref, org = l["externalRef"], l["organization"]
    start = day(l["publishedAt"])
    end = day(OUTCOMES[ref][1]) if ref in OUTCOMES else TODAY
    if (end - start).days < 10:
        continue
    fitting = [i for i in investors if l["sector"] in i["sectors"]] or investors
    count = min(len(fitting), rng.choice([1, 2, 2, 3, 3, 4, 5]) + (2 if ref in OUTCOMES else 0))
    chosen = rng.sample(fitting, count)
    winner = OUTCOMES.get(ref, (None, None, None, None))[2]
    if winner and winner not in [i["externalRef"] for i in chosen]:
        chosen[0] = next(i for i in investors if i["externalRef"] == winner)
    lo, hi, silent = reply_profile(org)
    for inv in chosen:
        created = start + dt.timedelta(days=rng.randint(3, max(4, (end - start).days - 5)))
        is_winner = inv["externalRef"] == winner
        if not is_winner and rng.random() < silent:
            reply = None
        else:
            reply = rng.randint(lo, hi)
        item = {"listing": ref, "investor": inv["externalRef"], "createdOn": created.isoformat(),
                "message": MESSAGES[inv["languages"][0] if inv["languages"][0] in MESSAGES else "en"]}
        if reply is not None and created + dt.timedelta(days=reply) <= end:
            item["replyDays"] = reply
            discussed = is_winner or rng.random() < 0.45
            if discussed:
                item["discussionDays"] = reply + rng.randint(3, 20)
                if created + dt.timedelta(days=item["discussionDays"]) > end:
                    item["discussionDays"] = (end - created).days
            if is_winner:
                item["outcome"] = "agreed"
            elif ref in OUTCOMES or rng.random() < 0.15:
                item["outcome"] = "declined" if discussed or rng.random() < 0.5 else "no-response"
        elif ref in OUTCOMES:
            item["outcome"] = "no-response"
        interests.append(item)

interests.sort(key=lambda i: (i["createdOn"], i["listing"], i["investor"]))
outcomes = [{"listing": ref, "outcome": o, "closedOn": d, **({"country": next(i["country"] for i in investors if i["externalRef"] == w)} if w else {}),
             **({"amount": a, "currency": "CNY"} if a else {})}
            for ref, (o, d, w, a) in sorted(OUTCOMES.items())]
with open(f"{ROOT}/activity.json", "w", encoding="utf-8") as f:
    json.dump({"about": "Demo interests, replies and outcomes, written by tools/demo/build_activity.py; loaded with the demo catalogue and marked as demo through its listings.",
               "outcomes": outcomes, "interests": interests}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(interests)} interests, {len(outcomes)} outcomes")
