"""Write kg/data/first_names_more.txt: given names of Faker's person providers (all locales written
in Latin letters) that kg/data/first_names.txt lacks, without dictionary words of English or
Slovenian ("Grace", "Will", "Vida") and without world towns.

    pip install faker && python scripts/make_first_names.py

The file is data like any other: the build reads it, never Faker. A name of this list marks a
person only as written ("Edna Brubacher"); the inflected forms of Slovenian text are matched
against kg/data/first_names.txt alone, where a rare foreign name would turn a declined company
name into a person ("Tamike" -> "Tamika").
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import faker.providers.person as person

from kg.extract.lemmatize import is_known_word
from kg.lang import first_names, world_towns

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "first_names_more.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž'-]+")
HEADER = ("# More given names: Faker's person providers (MIT licence), every locale in Latin letters;\n"
          "# without the names of first_names.txt, dictionary words (English, Slovenian) and world towns.\n"
          "# Matched only as written (scripts/make_first_names.py). One name a line.\n")


def _provider_names(module_name: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{module_name}").Provider
    found: set[str] = set()
    for attr in ATTRS:
        value = next((base.__dict__[attr] for base in provider.__mro__ if attr in base.__dict__), None)
        if isinstance(value, (dict, list, tuple)):
            found |= {n for n in value if isinstance(n, str) and LATIN_NAME.fullmatch(n)}
    return found


def main() -> None:
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        names |= _provider_names(module.name)
    known, towns = first_names(), world_towns()
    kept = sorted(n for n in names if len(n) >= 3 and n not in known and n not in towns
                  and not is_known_word(n, "en") and not is_known_word(n, "sl"))
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in kept), encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
