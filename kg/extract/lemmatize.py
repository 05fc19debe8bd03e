"""Give every token its lemma (simplemma), and offer nominative candidates for unknown names.

simplemma is fast and right for dictionary words but returns unknown names unchanged
(``Renaultu``); lemmagen3 strips endings of unknown words, sometimes wrongly (``Douaiju`` ->
``Douaij``). So names are never lemmatised blindly: ``name_candidates`` lists possible
nominatives, and the linker keeps the first one that matches a name known from elsewhere.
"""
from __future__ import annotations

from functools import lru_cache

import simplemma

from kg.extract.document import Document


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The lower-case lemma of a word.

    >>> lemma("Skupine", "sl"), lemma("tovarno", "sl"), lemma("Renaultu", "sl")
    ('skupina', 'tovarna', 'renaultu')
    >>> lemma("SUVs", "en")
    'suv'
    """
    if not any(ch.isalpha() for ch in word) or word.startswith(("-", "'", "’")):  # "-based", "'s"
        return word.lower()
    if word[:1].isupper() and not word.isupper() and is_known_word(word, lang):
        word = word.lower()  # "Vodi" at the start of a sentence is the verb "voditi", not "voda"
    elif len(word) > 2 and word[:-1].isupper() and word[-1].islower():
        word = word.lower()  # an acronym's plural ("SUVs", "EVs") inflects like a common noun
    base = simplemma.lemmatize(word, lang=lang)
    if base == word and word.islower() and not simplemma.is_known(word, lang=lang):
        # an unknown common noun ("farmacevtov"): lemmagen3 strips its ending
        try:
            base = _lemmagen(lang).lemmatize(word) or word
        except Exception:  # no lemmagen3 model for the language
            pass
    return base.lower()


@lru_cache(maxsize=200_000)
def is_known_word(word: str, lang: str) -> bool:
    """True if the word (lower-cased) is in simplemma's dictionary, as a lemma or an inflected form."""
    low = word.lower()
    return simplemma.is_known(low, lang=lang) or simplemma.lemmatize(low, lang=lang) != low


@lru_cache(maxsize=8)
def _lemmagen(lang: str):
    import lemmagen3

    return lemmagen3.Lemmatizer(lang)


def dictionary_form(word: str, lang: str) -> str:
    """simplemma's lemma with the word's original capitalisation (``Franciji`` -> ``Francija``)."""
    try:
        base = simplemma.lemmatize(word, lang=lang)
    except ValueError:  # simplemma finds no word in it ("ø-")
        return word
    if word[:1].isupper() and base[:1].islower():
        base = base[:1].upper() + base[1:]
    return base


def name_candidates(word: str, lang: str, endings: list[tuple[str, str]]) -> list[str]:
    """Possible nominative forms of an inflected name, most likely first (the word itself first).

    >>> name_candidates("Douaiju", "sl", [("ju", ""), ("u", "")])[:3]
    ['Douaiju', 'Douai', 'Douaij']
    """
    return list(_name_candidates(word, lang, tuple(endings)))


@lru_cache(maxsize=200_000)
def _name_candidates(word: str, lang: str, endings: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    out = [word]
    for suffix, repl in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            out.append(word[: len(word) - len(suffix)] + repl)
    out.append(dictionary_form(word, lang))
    try:
        guess = _lemmagen(lang).lemmatize(word)
        if guess:
            out.append(guess[:1].upper() + guess[1:] if word[:1].isupper() else guess)
    except Exception:  # lemmagen3 has no model for this language: no candidate from it
        pass
    return tuple(dict.fromkeys(out))  # without repeats, in order


def percent_adjective_number(word: str, lang: str, percent_adjectives: set[str]) -> str | None:
    """The number written in a share adjective ("70-odstotni", "a 70-percent stake"), as written;
    None if the word is no share adjective.

    >>> percent_adjective_number("25,5-odstotnem", "sl", {"odstoten"}), percent_adjective_number("60-letni", "sl", {"odstoten"})
    ('25,5', None)
    """
    number, _, rest = word.partition("-")
    return number if rest and lemma(rest.lower(), lang) in percent_adjectives else None


def share_lemma(word: str, lang: str, percent_adjectives: set[str], shares: tuple[str, str]) -> str | None:
    """The lemma of a share written as one adjective: ``shares[0]`` over half, ``shares[1]`` under.

    >>> shares = ("večinski", "manjšinski")
    >>> [share_lemma(w, "sl", {"odstoten"}, shares) for w in ("60-odstotni", "25,5-odstotnem", "50-odstotni", "60-letni")]
    ['večinski', 'manjšinski', None, None]
    """
    number = percent_adjective_number(word, lang, percent_adjectives)
    if number is None:
        return None
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        return None
    return shares[0] if 50 < value <= 100 else shares[1] if 0 <= value < 50 else None


def lemmatize(doc: Document, overrides: dict[str, str] | None = None, nouns: frozenset[str] = frozenset(),
              shares: tuple[set[str], tuple[str, str]] | None = None,
              class_nouns: frozenset[str] = frozenset()) -> Document:
    """Fill ``token.lemma`` for every token; ``overrides`` (lower-case word -> lemma, from the
    language pack) fix words simplemma reads the other way ("vodi": "voditi", not "voda"). A word
    opening a sentence that no dictionary knows is read as a common noun when that gives one of
    ``nouns`` (the pack's nouns of goods): "Zamaške Clipo izdelujejo ..." opens with "zamašek".
    ``shares`` (the pack's share adjectives and their majority and minority lemmas) read
    "60-odstotni" as "večinski", so the rules of a majority owner also read a share over half.
    ``class_nouns`` (the pack's one-word class nouns) are read so too, but only for a word standing
    alone before a lower-case one ("Livarno je ustanovil ..."; "Livarno Sotla" stays a name)."""
    overrides = overrides or {}
    openers = {s.tok_start for s in doc.sentences}
    for tok in doc.tokens:
        tok.lemma = overrides.get(tok.text.lower()) or lemma(tok.text, doc.lang)
        if shares and tok.text[:1].isdigit():
            tok.lemma = share_lemma(tok.text, doc.lang, *shares) or tok.lemma
        if tok.i in openers and tok.lemma == tok.text.lower() and tok.text[:1].isupper() and (nouns or class_nouns):
            common = lemma(tok.text.lower(), doc.lang)
            alone = tok.i + 1 < len(doc.tokens) and doc.tokens[tok.i + 1].text[:1].islower()
            if common in nouns or (alone and common in class_nouns):
                tok.lemma = common
    return doc
