"""Split a document into sentences and tokens with character offsets (reldi-tokeniser).

reldi-tokeniser knows Slovenian abbreviations (``dr.``, ``d. o. o.``), ordinal numbers and »…«
quotes. It works on one paragraph at a time and its offsets restart at 0 for each, so we feed it
line by line and add each line's offset. Very long sentences (a document with no punctuation) are
cut into chunks so that later steps stay linear in the document size.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reldi_tokeniser import tokeniser as reldi

from kg.extract.document import Document, Sentence, Token
from kg.extract.lemmatize import is_known_word, lemma
from kg.lang import first_names, load_pack

MAX_SENTENCE_TOKENS = 250
# reldi-tokeniser has rules for these; English uses the same rules as a close enough fallback
RELDI_LANG = {"sl": "sl", "en": "sl"}


OPENING_QUOTE_MARKS = frozenset({"“", "»", "„", "\""})
ROMAN_NUMERAL = r"[mdclxvi]+\."  # reldi's abbreviation for "XII.", matched ignoring case


@lru_cache(maxsize=8)
def _tokenizer(lang: str) -> re.Pattern[str]:
    """reldi's token pattern, except that a Roman numeral must be in capitals: reldi matches it
    ignoring case, so a surname of those letters ending a sentence ("Tomaž Vidic.") kept its
    full stop.

    >>> [m.group() for m in _tokenizer("sl").finditer("Direktor je Tomaž Vidic. Karel IV. je tu.")][6:12]
    ['Vidic', '.', ' ', 'Karel', ' ', 'IV.']
    """
    els = reldi.langs[RELDI_LANG.get(lang, "sl")]
    pattern = "|".join(els[e] for e in els["order"]).replace(ROMAN_NUMERAL, "(?-i:[MDCLXVI]+)\\.")
    return re.compile(pattern, re.UNICODE | re.IGNORECASE)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every non-blank line of the text."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset + (len(line) - len(line.lstrip())), line.strip()
        offset += len(line) + 1


_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")  # "2011", "2,150", "1.250"


def _word_not_abbreviation(word: str, lang: str) -> bool:
    """A dictionary word that reldi takes for an abbreviation ("mill." for "million")."""
    return len(word) >= 3 and word.isalpha() and word.islower() and is_known_word(word, lang)


def _name_word_ends_text(word: str, prev: str, lang: str) -> bool:
    """"... modela Volt X." / "Elvalve Max." ending a paragraph: the last word of a name, not an
    abbreviation, unless it is a legal form ("Inc.")."""
    return word[:-1].isalpha() and word[:1].isupper() and prev[:1].isupper() and word not in _legal_forms(lang) \
        and word[:-1] not in _legal_forms(lang)


def _opens_sentence(word: str, lang: str) -> bool:
    """The end of the text, or a capitalised dictionary word that is no given name ("mag. Tanja")."""
    return not word or (word[:1].isupper() and is_known_word(word, lang) and word not in first_names())


def _scale_after_number(word: str, prev: str, lang: str) -> bool:
    """"m" in "for €14m." : a currency scale right after a number, not an abbreviation."""
    return prev[-1:].isdigit() and word.lower() in load_pack(lang).currency_scales


@lru_cache(maxsize=8)
def _legal_forms(lang: str, several_words: bool = False) -> frozenset[str]:
    """The pack's legal forms written as one string ("A/S", "Sdn.Bhd."); of two words or more only
    with ``several_words``."""
    return frozenset("".join(form) for form in load_pack(lang).legal_suffixes if len(form) > 1 or not several_words)


def _ends_dotless_legal_form(words: list[tuple[str, int, int]], k: int, lang: str) -> bool:
    """Does word ``k`` end a legal form written without a final full stop ("A/S" in "... Holding
    A/S. The firm ...")? Then its full stop ends the sentence."""
    forms = _legal_forms(lang)
    return any((joined := "".join(w[0] for w in words[k - n + 1:k + 1]))[:-1] in forms and joined not in forms
               for n in (2, 3) if k - n + 1 >= 0)


def _split_final_numbers(sentences: list[list[tuple[str, int, int]]], lang: str) -> list[list[tuple[str, int, int]]]:
    """reldi reads "2011." and "2,150." (and "mill.", "m." in "€14m.", the "S." of "A/S.") as one
    token; before a capital letter or at the end the full stop ends a sentence."""
    out: list[list[tuple[str, int, int]]] = []
    for sent in sentences:
        current: list[tuple[str, int, int]] = []
        words = [t for t in sent if not t[0].isspace()]
        for k, (text, start, end) in enumerate(words):
            nxt = words[k + 1][0] if k + 1 < len(words) else ""
            prev = words[k - 1][0] if k else ""
            if text.endswith(".") and len(text) > 1 and (
                    ((_NUMBER.fullmatch(text[:-1]) or _ends_dotless_legal_form(words, k, lang)
                      or _scale_after_number(text[:-1], prev, lang))
                     and (not nxt or nxt[:1].isupper()))
                    or (_word_not_abbreviation(text[:-1], lang) and _opens_sentence(nxt, lang))
                    or (not nxt and _name_word_ends_text(text, prev, lang))
                    # "... tkanine Motex Agro in Motex Geo. Zaposluje ...": a name's last word before
                    # a capitalised dictionary word
                    or (len(text) > 3 and _name_word_ends_text(text, prev, lang) and _opens_sentence(nxt, lang)
                        and nxt not in load_pack(lang).places)):
                current += [(text[:-1], start, end - 1), (".", end - 1, end)]
                out.append(current)
                current = []
            else:
                current.append((text, start, end))
        if current:
            out.append(current)
    return out


def _split_after_abbreviations(sentences: list[list[tuple[str, int, int]]], lang: str
                               ) -> list[list[tuple[str, int, int]]]:
    """reldi does not end a sentence after "S.A." or "d.o.o."; a following capitalised dictionary
    word ("... Carpatia Medica S.A. Skupina ima ...") starts a new one."""
    out: list[list[tuple[str, int, int]]] = []
    for sent in sentences:
        current: list[tuple[str, int, int]] = []
        words = [t for t in sent if not t[0].isspace()]
        for k, (text, start, end) in enumerate(words):
            current.append((text, start, end))
            nxt = words[k + 1][0] if k + 1 < len(words) else ""
            dotted = len(text) > 2 and text.endswith(".") and "." in text[:-1]  # "d.o.o."
            initials = len(text) == 2 and text[0].isupper() and text[1] == "." and k > 0 \
                and len(words[k - 1][0]) == 2 and words[k - 1][0][1] == "."  # "S. A."
            initials = initials or _ends_initials_legal_form(words, k, lang)  # "s. r. o."
            # (... or a full stop, and a quote opens: "... Binaan Sentosa Bhd. “Batu Kawan gives ...")
            stop = (text == "." or dotted or initials) and nxt in OPENING_QUOTE_MARKS and k + 2 < len(words) \
                and words[k + 2][0][:1].isupper() and words[k + 1][1] > end and words[k + 2][1] == words[k + 1][2]
            # (an opening quote: a space before it, its word right after it; not '."' closing a quote)
            if ((dotted or initials) and nxt[:1].isupper() and nxt[1:].islower() and k + 2 < len(words)
                    and is_known_word(nxt, lang) and nxt not in load_pack(lang).places) or stop:
                out.append(current)
                current = []
        if current:
            out.append(current)
    return out


def _ends_initials_legal_form(words: list[tuple[str, int, int]], k: int, lang: str) -> bool:
    """Does word ``k`` end a legal form of one-letter abbreviations ("s. r. o.", "d. o. o.")?"""
    j = k
    while j >= 0 and len(words[j][0]) == 2 and words[j][0][0].isalpha() and words[j][0][1] == ".":
        j -= 1
    return k - j >= 2 and "".join(w for w, _, _ in words[j + 1:k + 1]) in _legal_forms(lang)


def _join_split_legal_forms(sentences: list[list[tuple[str, int, int]]], lang: str
                            ) -> list[list[tuple[str, int, int]]]:
    """reldi ends a sentence inside a legal form of two abbreviations ("Teluk Refinery Sdn. Bhd.
    has ..."): the two halves are one sentence."""
    forms = _legal_forms(lang, several_words=True)

    def spans_form(last: list[str], words: list[str]) -> bool:
        return any("".join(last[-k:]) + "".join(words[:n]) in forms for k in (1, 2, 3) for n in (1, 2, 3)
                   if k <= len(last) and n <= len(words))

    out: list[list[tuple[str, int, int]]] = []
    for sent in sentences:
        words = [t[0] for t in sent if not t[0].isspace()]
        last = [t[0] for t in out[-1] if not t[0].isspace()] if out else []
        if last and words and spans_form(last, words):
            out[-1] = out[-1] + sent
        else:
            out.append(sent)
    return out


def _join_role_and_person(sentences: list[list[tuple[str, int, int]]], lang: str
                          ) -> list[list[tuple[str, int, int]]]:
    """reldi ends a sentence after a legal form followed by a person ("Predsednik uprave družbe
    Kovis d.d. Boštjan Novak je ..."): after a role word, a given name and a capitalised word go on
    with it."""
    starts = load_pack(lang).role_starts
    out: list[list[tuple[str, int, int]]] = []
    for sent in sentences:
        words = [t[0] for t in sent if not t[0].isspace()]
        last = [t[0] for t in out[-1] if not t[0].isspace()] if out else []
        if len(last) > 2 and len(words) > 1 and "." in last[-1][:-1] and last[-1].endswith(".") \
                and words[0] in first_names() and words[1][:1].isupper() \
                and any(lemma(w, lang) in starts for w in last[-7:-1]):
            out[-1] = out[-1] + sent
        else:
            out.append(sent)
    return out


DASHES = frozenset("-\u2013\u2014")  # the dash that ends a dateline
DATELINE_OUTLET_WORDS = 5  # the words of a news outlet in a dateline's brackets ("(Gijón Business Wire)")


def _split_dateline(sentences: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """"Maribor, 3. junija (STA) - Družba X ...": a news agency's dateline opening a paragraph
    is a sentence of its own, so that the agency is not the first sentence's subject."""
    if not sentences:
        return sentences
    words = [t for t in sentences[0] if not t[0].isspace()]
    for k in range(3, min(len(words) - 1, 16)):
        if words[k][0] not in DASHES or words[k - 1][0] != ")":
            continue
        opening = next((j for j in range(k - 2, max(0, k - 2 - DATELINE_OUTLET_WORDS), -1) if words[j][0] == "("), 0)
        outlet, place = words[opening + 1:k - 1], [w[0] for w in words[:opening]]
        # the outlet's words are capitalised ("(Gijón Business Wire)"); the place before it has a
        # comma ("Maribor, 3. junija") or is written in capitals ("MEDELLÍN (Medellín Business Wire) –")
        if opening and outlet and all(w[0][:1].isupper() for w in outlet) \
                and ("," in place or all(w.isupper() for w in place if w.isalpha())):
            return [words[:k + 1], words[k + 1:], *sentences[1:]]
    return sentences


def _chunks(sentence: list[tuple[str, int, int]]) -> Iterator[list[tuple[str, int, int]]]:
    words = [t for t in sentence if not t[0].isspace()]
    for i in range(0, len(words), MAX_SENTENCE_TOKENS):
        yield words[i:i + MAX_SENTENCE_TOKENS]


def _split_suffixes(chunk: list[tuple[str, int, int]], suffixes: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Cut a hyphenated suffix off a word ("Munich-based" -> "Munich", "-based"), offsets kept."""
    out = []
    for text, start, end in chunk:
        cut = next((len(x) for x in suffixes if text.lower().endswith(x) and len(text) > len(x)), 0)
        if cut:
            out += [(text[:-cut], start, end - cut), (text[-cut:], end - cut, end)]
        else:
            out.append((text, start, end))
    return out


def segment(doc: Document, split_suffixes: tuple[str, ...] = ()) -> Document:
    """Fill ``doc.sentences`` and ``doc.tokens`` (whitespace is not a token); words ending in one
    of ``split_suffixes`` become two tokens.

    >>> from pathlib import Path
    >>> d = segment(Document("d", Path("d.txt"), "Dr. Novak je prišel. Podjetje d. o. o. raste.", {}))
    >>> [d.text[s.start:s.end] for s in d.sentences]
    ['Dr. Novak je prišel.', 'Podjetje d. o. o. raste.']
    >>> d = segment(Document("d", Path("d.txt"), "Direktor družbe Kovis d.o.o. Marko Novak je prišel.", {}))
    >>> len(d.sentences)
    1
    >>> d = segment(Document("d", Path("d.txt"), "Ustanovila je Petonia Slovakia s.r.o. Novo podjetje raste.", {}))
    >>> len(d.sentences)
    2
    >>> d = segment(Document("d", Path("d.txt"), "Celje, 3. junija (STA) - Družba Cinkarna raste.", {}))
    >>> [d.text[s.start:s.end] for s in d.sentences]
    ['Celje, 3. junija (STA) -', 'Družba Cinkarna raste.']
    """
    tokenizer = _tokenizer(doc.lang)
    lang = RELDI_LANG.get(doc.lang, "sl")
    for offset, para in _paragraphs(doc.text):
        sentences = _split_final_numbers(reldi.sentence_split(reldi.tokenize(tokenizer, para), lang), doc.lang)
        sentences = _join_split_legal_forms(_split_after_abbreviations(sentences, doc.lang), doc.lang)
        sentences = _split_dateline(sentences)
        for raw in _join_role_and_person(sentences, doc.lang):
            for chunk in _chunks(raw):
                if not chunk:
                    continue
                chunk = _split_suffixes(chunk, split_suffixes) if split_suffixes else chunk
                sent_i = len(doc.sentences)
                first = len(doc.tokens)
                for text, start, end in chunk:
                    doc.tokens.append(Token(len(doc.tokens), text, offset + start, offset + end, sent_i))
                doc.sentences.append(Sentence(sent_i, doc.tokens[first].start, doc.tokens[-1].end,
                                              first, len(doc.tokens)))
    return doc
