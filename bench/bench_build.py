"""Benchmark ``kg build`` on generated corpora: wall time, documents/s, tokens/s, triples, peak RSS.

For each size N (100, 1,000 and 10,000 by default) a corpus is generated with bench/corpus.py
(seed 1, kept in bench/out/corpus-N), then built from scratch (``--full``) with ``--jobs 1`` and
``--jobs 2`` under ``/usr/bin/time -v``; after the largest ``--jobs 2`` build one new document is
added and the build is run again with the cache (the incremental rebuild). Last, ``kg query
who-leads`` is timed end to end (a new process each time, median of 5) on that build, which
opens the build's store. The Markdown table goes to stdout and to ``bench/results/build.md``.

With ``--cluster ADDRESS`` each size is also built with ``kg build --cluster ADDRESS`` (``local``:
a local Dask cluster of the largest ``--jobs`` workers), its files are checked byte for byte
against the ``--jobs`` build's, and the table goes to ``bench/results/cluster.md`` instead (no
incremental or query rows).

    python bench/bench_build.py                  # all sizes, about 15 minutes on 2 cores
    python bench/bench_build.py --sizes 100 1000
    python bench/bench_build.py --sizes 1000 --jobs 2 --cluster local
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import _vocabulary, document, write_corpus  # noqa: E402 (after the sys.path line)

OUT = HERE / "out"
RESULTS = HERE / "results" / "build.md"
CLUSTER_RESULTS = HERE / "results" / "cluster.md"


def _number(pattern: str, text: str) -> int:
    m = re.search(pattern, text)
    return int(m.group(1)) if m else 0


def run_build(seeds: Path, out: Path, jobs: int, full: bool, cluster: str | None = None) -> dict:
    """One ``kg build`` under /usr/bin/time -v; its wall time, peak RSS and summary counts (the
    CPU time and RSS of a remote cluster's workers are not counted, those of a local one are)."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "kg", "build", "--seeds", str(seeds),
           "--out", str(out), "--jobs", str(jobs)] + (["--full"] if full else [])
    cmd += ["--cluster", cluster] if cluster else []
    start = time.perf_counter()
    res = subprocess.run(cmd, check=False, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    wall = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"kg build failed:\n{res.stdout}\n{res.stderr}")
    rss_kb = _number(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", res.stderr))
    steps = re.search(r"steps\s+(.*?)\n(?:wrote|\S)", res.stdout, re.DOTALL)
    return {"wall": wall, "cpu": cpu, "load": os.getloadavg()[0], "rss_mb": rss_kb / 1024, "tokens": _number(r"tokens\s+(\d+)", res.stdout),
            "facts": _number(r"triples \(facts\)\s+(\d+)", res.stdout),
            "provenance": _number(r"triples \(provenance\)\s+(\d+)", res.stdout),
            "cached": _number(r"\((\d+) from cache", res.stdout),
            "steps": " ".join(steps.group(1).split()) if steps else ""}


def time_query(out: Path, runs: int = 5) -> float:
    """Median wall seconds of ``kg query who-leads`` on ``out``, each run a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(out), "who-leads", "--format", "csv"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def corpus(n: int) -> Path:
    folder = OUT / f"corpus-{n}"
    if not (folder / f"doc-{n - 1:05d}.txt").exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(n, folder, seed=1)
    return folder


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem = _number(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()) / 1024 ** 2
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def row(n: int, jobs: int, r: dict, what: str = "full") -> str:
    return (f"| {n:,} | {jobs} | {what} | {r['wall']:.1f} | {r['cpu']:.1f} | {n / r['wall']:.0f} "
            f"| {r['tokens'] / r['wall']:,.0f} | {r['facts']:,} | {r['provenance']:,} | {r['rss_mb']:,.0f} "
            f"| {r['load']:.1f} | {r['steps']} |")


def cluster_row(seeds: Path, n: int, jobs: int, cluster: str) -> str:
    """Build on ``cluster`` and check the files against the ``--jobs jobs`` build's."""
    out = OUT / f"build-{n}-cluster"
    r = run_build(seeds, out, jobs, full=True, cluster=cluster)
    for name in ("graph.ttl", "provenance.ttl"):
        if (out / name).read_bytes() != (OUT / f"build-{n}-j{jobs}" / name).read_bytes():
            raise SystemExit(f"{name} differs between --cluster {cluster} and --jobs {jobs}")
    return row(n, jobs, r, f"full, --cluster {cluster} (same bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="also build on this Dask cluster ('local': a local one) and compare the files")
    args = parser.parse_args()
    lines = [f"Machine: {machine()}.", "",
             ("| documents | jobs | build | wall s | CPU s | docs/s | tokens/s | facts triples "
              "| provenance triples | peak RSS MB | load avg | steps (s) |"),
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    print("\n".join(lines), flush=True)
    for n in args.sizes:
        seeds = corpus(n)
        for jobs in args.jobs:
            out = OUT / f"build-{n}-j{jobs}"
            r = run_build(seeds, out, jobs, full=True)
            lines.append(row(n, jobs, r))
            print(lines[-1], flush=True)
        if args.cluster:
            lines.append(cluster_row(seeds, n, max(args.jobs), args.cluster))
            print(lines[-1], flush=True)
    if args.cluster:
        CLUSTER_RESULTS.parent.mkdir(parents=True, exist_ok=True)
        CLUSTER_RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    n, jobs = max(args.sizes), max(args.jobs)
    seeds, out = corpus(n), OUT / f"build-{n}-j{jobs}"
    extra = seeds / "doc-new.txt"
    import random
    extra.write_text(document(n, random.Random(12345), _vocabulary()), encoding="utf-8")
    try:
        r = run_build(seeds, out, jobs, full=False)
    finally:
        extra.unlink()
    lines.append(row(n + 1, jobs, r, f"incremental (+1 doc, {r['cached']:,} cached)"))
    print(lines[-1], flush=True)
    seconds = time_query(out)
    lines += ["", f"`kg query who-leads` on the {n + 1:,}-document build, end to end: {seconds:.2f} s (median of 5 runs)."]
    print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
