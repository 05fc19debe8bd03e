"""Benchmark extraction alone against document length: CPU milliseconds per KB.

The dev texts of one language (``eval/<lang>/dev``, written by people, unlike the generated
bench corpus) are joined into one document of 40, 160 and 640 texts (the texts repeat past the
folder's end), and ``kg.extract.pipeline.extract`` runs over it once in this process after a
warm-up. A cost per KB that grows with the length would mean a step searches the whole
document for each sentence or name. The Markdown table goes to stdout and to
``bench/results/extract-length.md``.

    python bench/bench_extract_length.py                  # about a minute on 2 cores
    python bench/bench_extract_length.py --texts 40 160 --langs en
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from bench_build import machine  # noqa: E402 (after the sys.path line)

from kg.extract.document import Document  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402

EVAL = HERE.parent / "eval"
RESULTS = HERE / "results" / "extract-length.md"


def joined(lang: str, count: int) -> str:
    """``count`` dev texts of ``lang`` one after another, in name order, repeating as needed."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((EVAL / lang / "dev").glob("*.txt"))]
    return "\n\n".join(texts[i % len(texts)] for i in range(count))


def cpu_seconds(lang: str, text: str) -> float:
    """CPU seconds of one extraction of ``text`` as a document in ``lang``."""
    doc = Document("long", Path("long.txt"), text, {"date": "2025-06-01"}, lang=lang)
    start = time.process_time()
    extract(doc)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, nargs="+", default=[40, 160, 640], help="texts per document")
    parser.add_argument("--langs", nargs="+", default=["sl", "en"])
    args = parser.parse_args()
    lines = [f"Machine: {machine()}; 1-minute load {os.getloadavg()[0]:.1f} at the start.", "",
             "| language | texts | KB | CPU s | CPU ms per KB |", "|---|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    for lang in args.langs:
        cpu_seconds(lang, joined(lang, 2))  # warm-up: language data and lemmatizer loaded
        for count in args.texts:
            text = joined(lang, count)
            kb = len(text.encode("utf-8")) / 1024
            cpu = cpu_seconds(lang, text)
            lines.append(f"| {lang} | {count} | {kb:,.0f} | {cpu:.2f} | {1000 * cpu / kb:.1f} |")
            print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
