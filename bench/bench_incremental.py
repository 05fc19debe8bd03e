"""Time incremental rebuilds: one document added to a built corpus, then removed, several times.

Each rebuild is ``python -m kg build --seeds SEEDS --out OUT --jobs 2`` in a new process, as a
user runs it, after adding (or removing) the document ``bench_build.py`` adds. The build folder
must hold a build of SEEDS already (``bench_build.py`` leaves ``bench/out/build-N-j2``; or run
``kg build`` once). For each rebuild the wall time, user + system CPU time, the 1-minute load
average and the build's own steps are printed; then the median of each kind of rebuild. The
machine is shared, so read CPU time and load beside wall time.

    python bench/bench_incremental.py --seeds bench/out/corpus-10000 --out bench/out/build-10000-j2
    python bench/bench_incremental.py --seeds S --out O --runs 1 --profile /tmp/add.prof  # cProfile the first add
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import _vocabulary, document  # noqa: E402 (after the sys.path line)

RACY_S = 2.1  # kg.rdf.docstate.RACY_NS: a file younger than this is hashed, not stamped


def rebuild(seeds: Path, out: Path, jobs: int, profile: str | None) -> dict:
    """One ``kg build`` in a new process: wall and CPU seconds, load, the summary's steps."""
    cmd = [sys.executable] + (["-m", "cProfile", "-o", profile] if profile else [])
    cmd += ["-m", "kg", "build", "--seeds", str(seeds), "--out", str(out), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise SystemExit(f"kg build failed:\n{res.stdout}\n{res.stderr}")
    steps = re.search(r"steps\s+(.*?)\n", res.stdout)
    docs = re.search(r"documents\s+(.*?)\n", res.stdout)
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "load": os.getloadavg()[0], "steps": " ".join(steps.group(1).split()) if steps else "",
            "docs": " ".join(docs.group(1).split()) if docs else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, required=True, help="the corpus the build folder was built from")
    parser.add_argument("--out", type=Path, required=True, help="a build folder of that corpus")
    parser.add_argument("--runs", type=int, default=3, help="add/remove pairs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--profile", help="write a cProfile of the first add to this file")
    args = parser.parse_args()
    n = sum(1 for _ in args.seeds.glob("doc-*.txt"))
    extra = args.seeds / "doc-new.txt"
    text = document(n, random.Random(12345), _vocabulary())  # the document bench_build.py adds
    rows: dict[str, list[dict]] = {"add": [], "remove": []}
    try:
        for i in range(args.runs):
            for kind in ("add", "remove"):
                if kind == "add":
                    extra.write_text(text, encoding="utf-8")
                else:
                    extra.unlink()
                time.sleep(RACY_S)  # the other documents' stamps are kept either way
                r = rebuild(args.seeds, args.out, args.jobs, args.profile if i == 0 and kind == "add" else None)
                if "incremental" not in r["docs"]:
                    print(f"note: not an incremental build ({r['docs']})", flush=True)
                rows[kind].append(r)
                print(f"{kind:6s} wall {r['wall']:.2f} s  CPU {r['cpu']:.2f} s  load {r['load']:.1f}  {r['steps']}",
                      flush=True)
    finally:
        extra.unlink(missing_ok=True)
    for kind, runs in rows.items():
        timed = [r for r in runs if not (args.profile and r is rows["add"][0])]
        if timed:
            print(f"{kind}: median wall {statistics.median(r['wall'] for r in timed):.2f} s, "
                  f"CPU {statistics.median(r['cpu'] for r in timed):.2f} s, "
                  f"load {min(r['load'] for r in timed):.1f}-{max(r['load'] for r in timed):.1f} ({len(timed)} runs)")


if __name__ == "__main__":
    main()
