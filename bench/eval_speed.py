"""Measure ``kg eval``: wall time per document and in total, with 1 and 2 worker processes.

Usage: ``python bench/eval_speed.py [FOLDER]`` (default ``eval``). Each run is a fresh
``kg eval FOLDER --format json -j N`` process, as a user would start it; the script prints the
number of documents, total seconds, seconds per document and the peak resident memory of the
largest process (``kg`` or one of its workers), then the overall scores of the last run.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def run(folder: Path, jobs: int) -> tuple[float, dict]:
    """Seconds taken by one ``kg eval`` run and its JSON report."""
    start = time.perf_counter()
    done = subprocess.run(["kg", "eval", str(folder), "--format", "json", "-j", str(jobs)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    return seconds, json.loads(done.stdout)


def main(folder: Path) -> None:
    report: dict = {}
    for jobs in (1, 2):
        seconds, report = run(folder, jobs)
        docs = sum(len(s["documents"]) for s in report["subsets"])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"kg eval -j {jobs}: {docs} documents in {seconds:.1f} s "
              f"({seconds / docs:.2f} s/document), peak RSS so far {peak:.0f} MiB")
    for category, counts in report["overall"].items():
        print(f"overall {category}: P {counts['precision']:.3f} R {counts['recall']:.3f} "
              f"F1 {counts['f1']:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("eval"))
