"""The name part of entity IRIs: readable, stable, and never one slug for two different names.

A slug is the name in lower case with ``-`` between words (punctuation and spaces are
separators). Latin letters are folded to ASCII, accents dropped ("Cléon" -> ``cleon``, "Łódź" ->
``lodz``), so a name spelt with and without accents is one entity. Letters of other scripts are
kept as they are, since IRIs (unlike URIs) may hold any letter: "Яндекс" -> ``яндекс``,
"株式会社トヨタ" -> ``株式会社トヨタ``. A name without any letter or digit gets ``x-`` and 10 hex
digits of its SHA-256.

A word that mixes look-alike scripts, like "Renаult" with a Cyrillic "а", is a different name
from "Renault" that looks the same. It is kept apart, and its odd letters are percent-encoded
(``ren%D0%B0ult``) so that the IRI does not look like ``renault`` either; ``odd_letters`` lets
the build warn about it.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from urllib.parse import quote

# scripts with letters that look like Latin ones
CONFUSABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")
# Latin letters with no decomposition into an ASCII letter and a mark
LATIN_FOLD = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
              "ħ": "h", "ŀ": "l", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s"}
HASH_DIGITS = 10


def script(ch: str) -> str:
    """The script of a letter, from its Unicode name: ``LATIN``, ``CYRILLIC``, ``CJK``, ...

    >>> script("a"), script("а"), script("я")
    ('LATIN', 'CYRILLIC', 'CYRILLIC')
    """
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def odd_letters(text: str) -> list[str]:
    """The letters of a word written mostly in another look-alike script ("Renаult": the "а").

    >>> odd_letters("Renаult d.o.o."), odd_letters("Skupina Яндекс"), odd_letters("Cléon")
    (['а'], [], [])
    """
    odd: list[str] = []
    for word in re.split(r"[\W_]+", text):
        letters = [c for c in word if c.isalpha() and script(c) in CONFUSABLE_SCRIPTS]
        counts = Counter(script(c) for c in letters)
        if len(counts) > 1:
            main = max(counts, key=lambda s: (counts[s], s == "LATIN", s))
            odd += [c for c in letters if script(c) != main]
    return odd


def without_accents(text: str) -> str:
    """The text without its diacritics (combining marks); other letters stay as they are.

    >>> without_accents("Zürich"), without_accents("São Paulo"), without_accents("Łódź")
    ('Zurich', 'Sao Paulo', 'Łodz')
    """
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(ch: str) -> str:
    """One lower-case character's part of a slug: ASCII for a Latin letter or digit (``-`` for
    ASCII punctuation), the character itself for another script's letter, digit or mark, and
    nothing for any other symbol ("50°28′" -> ``5028``, as the slugs have always been)."""
    ch = LATIN_FOLD.get(ch, ch)
    ascii_part = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
    if ascii_part:
        return re.sub(r"[^a-z0-9]", "-", ascii_part.lower())
    return ch if unicodedata.category(ch)[0] in "LNM" else ""


def slug(text: str) -> str:
    """Lower-case and hyphenated; Latin folded to ASCII, other scripts kept, look-alikes encoded.

    >>> slug("Cléon"), slug("Luca de Meo"), slug("Krka, d. d."), slug("Łódź")
    ('cleon', 'luca-de-meo', 'krka-d-d', 'lodz')
    >>> slug("Яндекс"), slug("Газпром нефть"), slug("Renаult")
    ('яндекс', 'газпром-нефть', 'ren%D0%B0ult')
    >>> slug("🚗") != slug("🚕")
    True
    """
    text = unicodedata.normalize("NFC", text)
    odd = set(odd_letters(text))
    parts: list[str] = []
    for ch in text:
        if ch in odd:
            parts.append(quote(ch.lower(), safe=""))
            continue
        for c in unicodedata.normalize("NFC", ch.lower()):
            after = parts[-1][-1:] if parts else ""
            if unicodedata.category(c)[0] == "M" and (not after or after.isascii()):
                continue  # a mark on a folded Latin letter (or on nothing) goes with its accent
            parts.append(_fold(c))
    out = re.sub(r"-+", "-", "".join(parts)).strip("-")
    return out or "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]
