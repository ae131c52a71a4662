"""Pinyin syllables to Russian in the Palladius system, and the everyday variants of those spellings."""
import itertools

INITIALS = [("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"), ("d", "д"),
            ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"), ("j", "цз"), ("q", "ц"),
            ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с")]

# Finals after an initial (Palladius table); i after zh/ch/sh/r is и, after z/c/s is ы; u after j/q/x is ü.
FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань",
    "vn": "юнь", "ue": "юэ",
}

# Syllables without an initial.
ZERO = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь", "eng": "эн",
    "er": "эр", "o": "о", "ou": "оу",
    "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
    "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}

SPECIAL = {"hui": "хуэй", "zi": "цзы", "ci": "цы", "si": "сы"}


def syllable(s: str) -> str:
    s = s.lower().replace("ü", "v")
    if s in SPECIAL:
        return SPECIAL[s]
    if s in ZERO:
        return ZERO[s]
    for latin, cyr in INITIALS:
        if s.startswith(latin):
            final = s[len(latin):]
            if latin in ("j", "q", "x") and final.startswith("u"):
                final = "v" + final[1:]
            if final not in FINALS:
                raise ValueError(f"unknown pinyin syllable {s!r}")
            return cyr + FINALS[final]
    raise ValueError(f"unknown pinyin syllable {s!r}")


VOWELS = "аэиоуыяеюё"


def palladius(syllables: list[str]) -> str:
    """Syllables joined; ъ after a final н before a vowel (Шуанъяшань), as the system writes it."""
    out = ""
    for s in syllables:
        cyr = syllable(s)
        if out and out[-1] == "н" and cyr[0] in VOWELS:
            out += "ъ"
        out += cyr
    return out[0].upper() + out[1:]


def variants(syllables: list[str]) -> list[str]:
    """
    The Palladius form and the spellings met in everyday Russian text: э written е (Хэйхэ/Хейхе, Бэйань/Бейань),
    the older ынь/ын after labials (Суйфэньхэ/Суйфыньхэ), ь dropped inside the word (Муданьцзян/Муданцзян),
    and ъ written ь or left out (Шуанъяшань/Шуаньяшань). Hyphens and spaces need no variant: matching joins words.
    """
    parts = []
    for i, s in enumerate(syllables):
        cyr = syllable(s)
        options = {cyr}
        if "э" in cyr and not cyr.startswith("э"):
            options.add(cyr.replace("э", "е"))
        if cyr[0] in "бпмф" and cyr[1:] in ("энь", "эн"):
            options.add(cyr[0] + cyr[1:].replace("э", "ы"))
        if i < len(syllables) - 1 and cyr.endswith("нь"):
            options.add(cyr[:-1])
        parts.append(sorted(options, key=lambda o: (o != cyr, o)))
    forms = []
    for combo in itertools.product(*parts):
        out = ""
        for cyr in combo:
            if out and out[-1] == "н" and cyr[0] in VOWELS:
                out += "ъ"
            out += cyr
        forms.append(out)
        if "ъ" in out:
            forms.append(out.replace("ъ", "ь"))
            forms.append(out.replace("ъ", ""))
    seen, result = set(), []
    for f in forms:
        f = f[0].upper() + f[1:]
        if f not in seen:
            seen.add(f)
            result.append(f)
    # The Palladius form first; at most 8 spellings, the most common kinds of change first.
    return result[:8]


def pinyin(syllables: list[str], apostrophe: bool = False) -> str:
    out = ""
    for s in syllables:
        if out and apostrophe and s[0] in "aeo":
            out += "'"
        out += s
    return out[0].upper() + out[1:]
