#!/usr/bin/env python3
"""
Merges the curated sources under content/sources/ into content/glossary.jsonl (the file the portal seeds its glossary
from). Run from the repository root: python3 tools/glossary/build_glossary.py

- heilongjiang-places.tsv: Heilongjiang's divisions by zh name and pinyin; zh/ru/en terms are generated here, the
  Russian ones in the Palladius system plus everyday variants (palladius.py).
- *.jsonl: hand-written concepts (border crossings, Russian towns with their historical Chinese names, commodities
  along the HS sections, facilities), in the glossary's own format.

A concept whose id is already in glossary.jsonl keeps its terms and gains the new ones, so the merge can be re-run.
"""
import json
import pathlib
import sys

from palladius import palladius, pinyin, variants

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SOURCES = CONTENT / "sources"

ZH_SUFFIX = {"province": "省", "prefecture": "市", "district": "区", "city": "市", "county": "县", "zone": ""}
RU_WORD = {"district": "район", "county": "уезд"}
EN_WORD = {"district": "District", "county": "County"}


def split(cell: str) -> list[str]:
    return [t.strip() for t in cell.split(";") if t.strip()]


def places() -> list[dict]:
    concepts = []
    division_names = {}  # id → (Russian, English) name, for divisions whose own name needs its parent's
    for line in (SOURCES / "heilongjiang-places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 9
        cid, parent, kind, zh, py, bare, extra_zh, extra_ru, extra_en = cells[:9]
        syllables = py.split()
        # A name shared by two divisions (向阳区 in Hegang and Jiamusi) or by a better-known place (西安, 大同) is only
        # written with its district word in Russian and English too; the id then carries the parent.
        unique = ("-" not in cid or cid in ("da-hinggan-ling", "heilongjiang-province")) and bare != "x"
        zh_terms, ru_terms, en_terms = [], [], []
        # An official name longer than name + suffix (杜尔伯特蒙古族自治县) replaces the generated one.
        official = any(t.startswith(zh) and t.endswith(ZH_SUFFIX[kind] or "-") for t in split(extra_zh))
        if kind != "zone" and not official:
            zh_terms.append(zh + ZH_SUFFIX[kind])
            if bare == "y":
                zh_terms.append(zh)
        elif bare == "y":
            zh_terms.append(zh)
        zh_terms += split(extra_zh)
        spellings = variants(syllables)
        if kind != "zone" or bare == "y":
            if kind in RU_WORD and not (unique and bare == "y"):
                ru_terms += [f"{RU_WORD[kind]} {s}" for s in spellings[:2]]
                if unique:
                    ru_terms += spellings
            else:
                ru_terms += spellings
            plain = pinyin(syllables).lower()
            marked = pinyin(syllables, apostrophe=True).lower()
            names = [marked] + ([plain] if plain != marked else [])
            if kind in EN_WORD:
                en_terms += [f"{n} {EN_WORD[kind].lower()}" for n in names]
                if unique:
                    en_terms += names
            else:
                en_terms += names
        if "-" in cid and parent in division_names and kind in RU_WORD:
            ru_terms.append(f"{RU_WORD[kind]} {spellings[0]} ({division_names[parent][0]})")
            en_terms.append(f"{pinyin(syllables, apostrophe=True).lower()} {EN_WORD[kind].lower()} ({division_names[parent][1]})")
        division_names[cid] = (spellings[0], pinyin(syllables).lower())
        ru_terms += split(extra_ru)
        en_terms += split(extra_en)
        def once(terms):
            seen = set()
            return [t for t in terms if t.lower() not in seen and not seen.add(t.lower())]
        concepts.append({"id": cid, "sector": None, "zh": once(zh_terms), "ru": once(ru_terms), "en": once(en_terms)})
    return concepts


FAILED = False


def key(term: str) -> str:
    """How the portal compares terms for duplicates (GlossaryRules.Key): Chinese without spaces, else lower case, ё as е."""
    compact = "".join(term.split())
    if compact and all("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in compact):
        return compact
    return " ".join(term.split()).lower().replace("ё", "е")


def merge(base: list[dict], extra: list[dict]) -> list[dict]:
    by_id = {c["id"]: c for c in base}
    # A term belongs to one concept (admins cannot save a second owner): a source term already held elsewhere is left out.
    owner = {(lang, key(t)): c["id"] for c in base for lang in ("zh", "ru", "en") for t in c[lang]}
    for c in extra:
        # A source concept whose every term in some language is one existing concept's is that concept (тепловой уголь
        # is coal's): its other terms join that concept instead of standing apart with half its words.
        for lang in ("zh", "ru", "en"):
            holders = {owner.get((lang, key(t))) for t in c[lang]}
            if c["id"] not in by_id and c[lang] and len(holders) == 1 and None not in holders:
                c["id"] = holders.pop()
                break
        for lang in ("zh", "ru", "en"):
            kept = []
            for t in c[lang]:
                if owner.get((lang, key(t)), c["id"]) != c["id"]:
                    continue
                owner[(lang, key(t))] = c["id"]
                kept.append(t)
            c[lang] = kept
        if c["id"] not in by_id and not all(c[lang] for lang in ("zh", "ru", "en")):
            print(f"{c['id']}: every term of a language is another concept's; write one of its own", file=sys.stderr)
            global FAILED
            FAILED = True
        if c["id"] in by_id:
            old = by_id[c["id"]]
            for lang in ("zh", "ru", "en"):
                seen = {t.lower() for t in old[lang]}
                old[lang] += [t for t in c[lang] if t.lower() not in seen and not seen.add(t.lower())]
            if old.get("sector") is None and c.get("sector") is not None:
                old["sector"] = c["sector"]
        else:
            base.append(c)
            by_id[c["id"]] = c
    return base


def main() -> int:
    path = CONTENT / "glossary.jsonl"
    base = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    merged = merge(base, places())
    for source in sorted(SOURCES.glob("*.jsonl")):
        extra = [json.loads(l) for l in source.read_text(encoding="utf-8").splitlines() if l.strip()]
        merged = merge(merged, extra)
    if FAILED:
        return 1
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for c in merged:
            f.write(json.dumps({"id": c["id"], "sector": c.get("sector"), "zh": c["zh"], "ru": c["ru"], "en": c["en"]},
                               ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{path}: {len(merged)} concepts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
