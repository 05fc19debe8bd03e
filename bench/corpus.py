"""Generate a synthetic corpus of Slovenian business-news documents for benchmarking ``kg build``.

Words and sentence shapes live in ``bench/data/corpus-sl.toml``; place names and their locative
forms come from the extractor's own gazetteer (``kg/lang/sl/places.tsv``). Companies are invented
from syllables, so the corpus has many distinct entities, while groups, people and places repeat
across documents (global entity resolution is exercised). The output depends only on ``n`` and
``seed``: the same call writes byte-identical files.

    python bench/corpus.py 1000 /tmp/corpus-1000 --seed 1
"""
from __future__ import annotations

import argparse
import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS_FILE = Path(__file__).resolve().parent / "data" / "corpus-sl.toml"
PLACES_FILE = ROOT / "kg" / "lang" / "sl" / "places.tsv"


@dataclass(frozen=True)
class Place:
    """A place name and its locative form ("Maribor", "Mariboru")."""

    name: str
    locative: str


def _places(cls: str) -> list[Place]:
    out = []
    for line in PLACES_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or parts[1] != cls:
            continue
        forms = parts[2].split("|")
        if len(forms) >= 2:
            out.append(Place(parts[0], forms[1]))
    return out


def _vocabulary() -> dict:
    words = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    words["cities"] = _places("schema:City")
    words["countries"] = _places("schema:Country")
    rng = random.Random(0)  # a fixed pool of groups shared by every corpus
    words["groups"] = sorted({rng.choice(words["name_parts"]) + rng.choice(words["name_ends"])
                              for _ in range(40)})
    return words


def _company(rng: random.Random, w: dict) -> str:
    return rng.choice(w["name_parts"]) + rng.choice(w["name_ends"]) + rng.choice(["", "", "x", "a", "o"])


def document(i: int, rng: random.Random, w: dict) -> str:
    """The text of document ``i``: a lead sentence and 5 to 12 sentences in random order."""
    given, given_gen = rng.choice(w["given"])
    surname = rng.choice(w["surnames"])
    c1, c2, c3 = rng.sample(w["cities"], 3)
    slots = {
        "company": _company(rng, w), "company2": _company(rng, w), "group": rng.choice(w["groups"]),
        "person": f"{given} {surname}", "person_gen": f"{given_gen} {surname}",
        "city": c1.name, "city_loc": c1.locative, "city2": c2.name, "city3": c3.name,
        "country_loc": rng.choice(w["countries"]).locative, "product": rng.choice(w["products"]),
        "n": rng.randrange(20, 5000), "n2": rng.randrange(20, 900), "n3": rng.randrange(2, 60),
        "year": rng.randrange(1950, 2025), "pct": rng.randrange(2, 60), "quote": rng.choice(w["quotes"]),
    }
    body = rng.sample(w["sentences"], rng.randrange(5, 13))
    paragraphs = [w["lead"]] + body
    text = " ".join(s.format(**slots) for s in paragraphs[:4])
    rest = " ".join(s.format(**slots) for s in paragraphs[4:])
    return f"{text}\n\n{rest}\n" if rest else text + "\n"


def write_corpus(n: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write ``n`` documents ``doc-00000.txt`` ... into ``folder`` (created); returns their paths.

    >>> paths = write_corpus(3, Path("/tmp/c3"))        # doctest: +SKIP
    >>> [p.name for p in paths]                          # doctest: +SKIP
    ['doc-00000.txt', 'doc-00001.txt', 'doc-00002.txt']
    """
    folder.mkdir(parents=True, exist_ok=True)
    w = _vocabulary()
    rng = random.Random(seed)
    width = max(5, len(str(n - 1)))
    paths = []
    for i in range(n):
        path = folder / f"doc-{i:0{width}d}.txt"
        path.write_text(document(i, rng, w), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("folder", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.n, args.folder, args.seed)


if __name__ == "__main__":
    main()
