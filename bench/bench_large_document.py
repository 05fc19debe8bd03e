"""Benchmark ``kg build`` on one large document: MB/s, CPU seconds per MB and peak RSS.

For each size (0.2, 2 and 20 MB by default) one document of generated business news is written
to ``bench/out/large-<size>/doc.txt`` (``large_document``) and built from scratch (``--full``,
``--jobs 1``) under ``/usr/bin/time -v``. Extraction should cost the same per MB at every size,
and memory should stay within a few GB. The Markdown table goes to stdout and to
``bench/results/large-document.md``.

    python bench/bench_large_document.py                  # about 10 minutes on 2 cores
    python bench/bench_large_document.py --sizes 0.2 2
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import machine, run_build  # noqa: E402 (after the sys.path line)
from corpus import _vocabulary, document  # noqa: E402 (after the sys.path line)

OUT = HERE / "out"
RESULTS = HERE / "results" / "large-document.md"


def large_document(size: int, seed: int = 1) -> str:
    """About ``size`` bytes (UTF-8) of business news as one document: the articles of
    ``bench/corpus.py`` one after another, with company names from a wider pool (two syllables
    and an ending, about 52,000 names), so that new companies keep appearing all through the
    document as they would in a press archive. Depends only on ``size`` and ``seed``.

    >>> text = large_document(5_000)
    >>> 5_000 <= len(text.encode("utf-8")) < 7_000 and text == large_document(5_000)
    True
    """
    words = _vocabulary()
    words["name_parts"] = [a + b.lower() for a in words["name_parts"] for b in words["name_parts"]]
    rng = random.Random(seed)
    parts, total, i = [], 0, 0
    while total < size:
        part = document(i, rng, words) + "\n"
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "".join(parts)


def seeds_folder(megabytes: float) -> Path:
    """The folder with the one document of ``megabytes`` MB (written if missing)."""
    folder = OUT / f"large-{megabytes:g}"
    doc = folder / "doc.txt"
    if not doc.exists():
        folder.mkdir(parents=True, exist_ok=True)
        doc.write_text(large_document(int(megabytes * 1_000_000)), encoding="utf-8")
    return folder


def row(mb: float, r: dict) -> str:
    return (f"| {mb:.2f} | {r['tokens']:,} | {r['facts']:,} | {r['provenance']:,} | {r['wall']:.1f} "
            f"| {r['cpu']:.1f} | {r['cpu'] / mb:.1f} | {mb / r['wall']:.3f} | {r['rss_mb']:,.0f} "
            f"| {r['load']:.1f} | {r['steps']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.2, 2, 20], help="document sizes in MB")
    args = parser.parse_args()
    lines = [f"Machine: {machine()}.", "",
             ("| MB | tokens | facts triples | provenance triples | wall s | CPU s | CPU s/MB | MB/s "
              "| peak RSS MB | load avg | steps (s) |"),
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    print("\n".join(lines), flush=True)
    for mb in args.sizes:
        seeds = seeds_folder(mb)
        r = run_build(seeds, OUT / f"build-large-{mb:g}", jobs=1, full=True)
        mb_real = (seeds / "doc.txt").stat().st_size / 1_000_000
        lines.append(row(mb_real, r))
        print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
