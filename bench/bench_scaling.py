"""The scaling table: a full ``kg build`` of 1,000, 10,000 and 50,000 bench documents.

For each size N the corpus of ``bench/corpus.py`` (seed 1, kept in bench/out/corpus-N) is built
from scratch (``--full``) with ``--jobs 2`` (``--jobs``) under ``/usr/bin/time -v``. Each row gives
wall and CPU seconds (user + system, worker processes included), the largest resident set of any
one process, the store's size on disk, the facts and provenance triples, the step times of the
build's summary (and their sum without extraction) and the 1-minute load average before and
after: on a shared machine wall time depends on the load, CPU time much less. A build is stopped
(and its row says so) if the machine's available memory falls under ``--min-free`` GiB. The
Markdown table goes to stdout and to ``bench/results/scaling.md``.

    python bench/bench_scaling.py                       # 1,000, 10,000 and 50,000: about an hour on 2 cores
    python bench/bench_scaling.py --sizes 1000 10000
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import OUT, corpus, machine  # noqa: E402 (after the sys.path line)

RESULTS = HERE / "results" / "scaling.md"


def available_gib() -> float:
    """MemAvailable of /proc/meminfo, in GiB."""
    text = Path("/proc/meminfo").read_text()
    m = re.search(r"MemAvailable:\s+(\d+) kB", text)
    return int(m.group(1)) / 1024 ** 2 if m else float("inf")


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build(seeds: Path, out: Path, jobs: int, min_free: float) -> dict:
    """One ``kg build --full`` under /usr/bin/time -v, stopped if memory runs short."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "kg", "build", "--seeds", str(seeds), "--out", str(out),
           "--jobs", str(jobs), "--full"]
    load_before, lowest = os.getloadavg()[0], available_gib()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"}, start_new_session=True)
    stopped = False
    while proc.poll() is None:
        lowest = min(lowest, available_gib())
        if lowest < min_free:
            os.killpg(proc.pid, signal.SIGKILL)  # the build's own process group (new session)
            stopped = True
            break
        time.sleep(1)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start

    def number(pattern: str, text: str) -> float:
        m = re.search(pattern, text)
        return float(m.group(1)) if m else 0.0

    steps = dict(re.findall(r"(\w[\w+]*) ([\d.]+) s", " ".join(re.findall(r"steps\s+(.*?)\n", stdout + "\n"))))
    store = out / "current" / "store"
    return {"wall": wall, "cpu": sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", stderr)),
            "rss_mb": number(r"Maximum resident set size \(kbytes\): (\d+)", stderr) / 1024,
            "facts": int(number(r"triples \(facts\)\s+(\d+)", stdout)),
            "provenance": int(number(r"triples \(provenance\)\s+(\d+)", stdout)),
            "store_mb": folder_bytes(store) / 1e6 if store.is_dir() and not stopped else 0.0,
            "steps": {k: float(v) for k, v in steps.items()}, "loads": (load_before, os.getloadavg()[0]),
            "lowest_free": lowest, "stopped": stopped or proc.returncode != 0}


def row(n: int, r: dict) -> str:
    if r["stopped"]:
        return f"| {n:,} | stopped after {r['wall']:.0f} s (lowest available memory {r['lowest_free']:.1f} GiB) |"
    steps = r["steps"]
    rest = sum(v for k, v in steps.items() if k != "extract")
    return (f"| {n:,} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:,.0f} | {r['store_mb']:,.0f} "
            f"| {r['facts']:,} | {r['provenance']:,} | {steps.get('extract', 0):.1f} | {rest:.1f} "
            f"| {', '.join(f'{k} {v:.1f}' for k, v in steps.items() if k != 'extract')} "
            f"| {r['loads'][0]:.1f} / {r['loads'][1]:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-free", type=float, default=4.0, help="GiB of available memory to stop a build at")
    args = parser.parse_args()
    lines = [f"Machine: {machine()}. `kg build --full --jobs {args.jobs}`; seconds are wall time unless said.", "",
             ("| documents | wall s | CPU s | peak RSS MB | store MB | facts triples | provenance triples "
              "| extract s | all but extract s | other steps (s) | load before / after |"),
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    print("\n".join(lines), flush=True)
    for n in args.sizes:
        lines.append(row(n, build(corpus(n), OUT / f"scale-{n}", args.jobs, args.min_free)))
        print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
